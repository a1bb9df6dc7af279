/** Half-up rounding to 2 decimals on exact integer ratios (§9 Ratios), free of binary float drift. */
export function ratio2(numerator: number, denominator: number): number {
  // round(100 * n / d) half up, in integers: floor((200n + d) / 2d) for n, d >= 0.
  const n = BigInt(Math.round(numerator * 100));
  const d = BigInt(Math.round(denominator));
  if (d === 0n) throw new Error('ratio2: denominator is 0');
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const hundredths = (2n * an + ad) / (2n * ad);
  return Number(sign * hundredths) / 100;
}

/** kd = kills / deaths, or kills when deaths is 0. */
export function kd(kills: number, deaths: number): number {
  return deaths === 0 ? kills : ratio2(kills, deaths);
}

/** accuracy % = 100 x hits / shots, null when shots is 0. */
export function accuracy(hits: number, shots: number): number | null {
  return shots === 0 ? null : ratio2(100 * hits, shots);
}

/** dpm = 60 x damage given / seconds; null when there is no time. */
export function dpm(damageGiven: number, seconds: number): number | null {
  return seconds === 0 ? null : ratio2(60 * damageGiven, seconds);
}
