/** Delay before the next attempt after `failures` failures in a row: base, 2x base, 4x base, ... up to max. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  if (failures <= 0) return baseMs;
  return Math.min(baseMs * 2 ** Math.min(failures - 1, 30), Math.max(maxMs, baseMs));
}
