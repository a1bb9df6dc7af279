export interface PairableRound {
  id: number;
  map: string;
  roundNumber: number;
  /** End instant, ms since epoch (UTC). */
  endedAtMs: number;
  fileName: string;
}

/**
 * §4/§9 Pairing: candidate (R1, R2) pairs have the same map string, R1 strictly earlier and R2 at
 * most `windowMinutes` later (inclusive); they are taken nearest first, each round in at most one
 * pair. Ties go to the earlier file names. Returns R2 id -> R1 id.
 */
export function pairRounds(rounds: readonly PairableRound[], windowMinutes: number): Map<number, number> {
  const windowMs = windowMinutes * 60_000;
  const byMap = new Map<string, { r1: PairableRound[]; r2: PairableRound[] }>();
  for (const r of rounds) {
    let m = byMap.get(r.map);
    if (!m) byMap.set(r.map, (m = { r1: [], r2: [] }));
    (r.roundNumber === 1 ? m.r1 : m.r2).push(r);
  }
  const candidates: { r1: PairableRound; r2: PairableRound; gap: number }[] = [];
  for (const { r1, r2 } of byMap.values()) {
    for (const a of r1) {
      for (const b of r2) {
        const gap = b.endedAtMs - a.endedAtMs;
        if (gap > 0 && gap <= windowMs) candidates.push({ r1: a, r2: b, gap });
      }
    }
  }
  candidates.sort((x, y) => x.gap - y.gap || cmp(x.r1.fileName, y.r1.fileName) || cmp(x.r2.fileName, y.r2.fileName));
  const used = new Set<number>();
  const pairs = new Map<number, number>();
  for (const c of candidates) {
    if (used.has(c.r1.id) || used.has(c.r2.id)) continue;
    used.add(c.r1.id);
    used.add(c.r2.id);
    pairs.set(c.r2.id, c.r1.id);
  }
  return pairs;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
