/** §6: attackers succeed when winnerteam != defenderteam; null when winnerteam is 0 (unknown). */
export function attackersSucceeded(defenderTeam: number, winnerTeam: number): boolean | null {
  if (winnerTeam === 0) return null;
  return winnerTeam !== defenderTeam;
}

export interface MapScore {
  /** Points of the team that attacked in R1 (it defends in R2). */
  r1Attackers: number;
  /** Points of the team that attacked in R2. */
  r2Attackers: number;
}

/**
 * §6/§9 Stopwatch map score from each round's own outcome: both held 1-1; else R2's attackers win
 * 2-0 when they succeeded, otherwise R1's attackers win 2-0. null when either outcome is unknown.
 */
export function mapScore(r1Succeeded: boolean | null, r2Succeeded: boolean | null): MapScore | null {
  if (r1Succeeded === null || r2Succeeded === null) return null;
  if (!r1Succeeded && !r2Succeeded) return { r1Attackers: 1, r2Attackers: 1 };
  if (r2Succeeded) return { r1Attackers: 0, r2Attackers: 2 };
  return { r1Attackers: 2, r2Attackers: 0 };
}
