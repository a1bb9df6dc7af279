import type { Truth } from './truth';

const PAIR_WINDOW_MS = 45 * 60 * 1000;
const SESSION_GAP_MS = 60 * 60 * 1000;

function wallMs(endedAt: string): number {
  return Date.parse(`${endedAt}Z`);
}

/**
 * The simulation knows which rounds belong together; this checks that the spec's own rules
 * (§9 pairing nearest first within 45 min, sessions split by gaps over 60 min) applied to the
 * written file names find the same thing, so the truth never contradicts the spec.
 */
export function checkConsistency(truth: Truth): void {
  const rounds = truth.rounds;
  const candidates: { r1: number; r2: number; gap: number }[] = [];
  rounds.forEach((a, i) => {
    if (a.round !== 1) return;
    rounds.forEach((b, j) => {
      if (b.round !== 2 || b.map !== a.map) return;
      const gap = wallMs(b.endedAt) - wallMs(a.endedAt);
      if (gap > 0 && gap <= PAIR_WINDOW_MS) candidates.push({ r1: i, r2: j, gap });
    });
  });
  candidates.sort((x, y) => x.gap - y.gap);
  const partner = new Map<number, number>();
  for (const c of candidates) {
    if (partner.has(c.r1) || partner.has(c.r2)) continue;
    partner.set(c.r1, c.r2);
    partner.set(c.r2, c.r1);
  }
  rounds.forEach((r, i) => {
    const expected = partner.has(i) ? rounds[partner.get(i)!]!.file : null;
    if (expected !== r.pairedWith) {
      throw new Error(`generator inconsistency: ${r.file} pairs with ${expected} by the spec but ${r.pairedWith} in the simulation`);
    }
    const orphan = r.round === 2 && expected === null;
    if (orphan !== (r.status === 'orphan')) throw new Error(`generator inconsistency: orphan status of ${r.file}`);
  });
  let session = 0;
  let last = -Infinity;
  for (const r of rounds) {
    const t = wallMs(r.endedAt);
    if (t - last > SESSION_GAP_MS) session++;
    last = t;
    if (session !== r.session) throw new Error(`generator inconsistency: ${r.file} is in session ${session} by the spec, ${r.session} simulated`);
  }
}
