/** Optimal string alignment distance: Levenshtein plus swapping two neighbours ('snaek' -> 'snake' is 1). */
export function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Up to `limit` names close to what was typed (case-insensitive), closest first. */
export function closeNames<T extends { name: string }>(typed: string, candidates: readonly T[], limit = 3): T[] {
  const lower = typed.toLowerCase();
  const max = lower.length <= 3 ? 1 : Math.max(2, Math.floor(lower.length / 3));
  return candidates
    .map((c) => ({ c, d: osaDistance(lower, c.name.toLowerCase()) }))
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d || (x.c.name < y.c.name ? -1 : x.c.name > y.c.name ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.c);
}
