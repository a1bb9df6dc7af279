const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `1500`, `'30s'`, `'5m'`, `'1h30m'`, `'24h'` to milliseconds; throws on anything else. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`duration must be a positive number of milliseconds, got ${value}`);
    return value;
  }
  const text = value.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    matched = re.lastIndex;
  }
  if (matched !== text.length || total <= 0) {
    throw new Error(`'${value}' is not a duration (expected e.g. 30s, 5m, 1h, 24h)`);
  }
  return total;
}
