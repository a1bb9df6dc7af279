/**
 * Ratios from sums, rounded half up to 2 decimals (spec §5, §9 Ratios), in integer arithmetic so
 * binary floating point never tips a .xx5 the wrong way.
 */
export function ratio2(numerator: number, denominator: number): number {
  if (denominator === 0) throw new Error('ratio2: denominator is 0');
  const n = BigInt(Math.round(numerator * 100));
  const d = BigInt(Math.round(denominator));
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const hundredths = (2n * an + ad) / (2n * ad);
  const value = Number(hundredths) / 100;
  return negative ? -value : value;
}

/** kills / deaths, or kills when deaths is 0. */
export function kdRatio(kills: number, deaths: number): number {
  return deaths === 0 ? kills : ratio2(kills, deaths);
}

/** 100 x part / whole, null when whole is 0 (accuracy, headshot %, efficiency). */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : ratio2(100 * part, whole);
}

/** 60 x amount / seconds, null without time (DPM, team damage per minute). */
export function perMinute(amount: number, seconds: number): number | null {
  return seconds === 0 ? null : ratio2(60 * amount, seconds);
}
