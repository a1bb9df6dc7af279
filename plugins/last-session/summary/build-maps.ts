import type { SessionPlayerRow as PlayerRow, SessionRoundRow as RoundRow } from 'etbot/plugin-api';
import type { MapResult, RoundOutcome, TeamId } from './types';

export type TeamOf = (guid: string) => TeamId | null;

/**
 * The persistent team that attacked in a round: the team most of the attacking side's counted
 * players belong to (teams swap sides between R1 and R2, spec §6). Null when none of them is known.
 */
export function attackingTeam(round: RoundRow, rows: readonly PlayerRow[], teamOf: TeamOf): TeamId | null {
  const attackerSide = round.defenderTeam === 1 ? 2 : 1;
  let a = 0;
  let b = 0;
  for (const row of rows) {
    if (row.roundId !== round.id || row.side !== attackerSide) continue;
    const team = teamOf(row.guid);
    if (team === 'A') a++;
    else if (team === 'B') b++;
  }
  if (a === 0 && b === 0) return null;
  return a >= b ? 'A' : 'B';
}

export function roundOutcome(round: RoundRow, attackers: TeamId | null): RoundOutcome {
  return {
    attackersSucceeded: round.attackersSucceeded,
    timeLimit: round.timeLimit,
    timeSet: round.roundNumber === 1 ? round.nextTimeLimit : null,
    attackers,
  };
}

/** Maps in play order: each paired match once, plus R1s left without R2 and orphan R2s. */
export function buildMaps(rounds: readonly RoundRow[], rows: readonly PlayerRow[], teamOf: TeamOf): MapResult[] {
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const maps: MapResult[] = [];
  for (const round of rounds) {
    const isR1 = round.roundNumber === 1;
    const partner = round.pairedRoundId === null ? undefined : byId.get(round.pairedRoundId);
    // A paired map is listed at its R2 (when it was decided); an R1 whose R2 is in another session
    // (cannot happen with a gap above the pairing window) would be listed alone.
    if (isR1 && partner) continue;
    const r1 = isR1 ? round : (partner ?? null);
    const r2 = isR1 ? null : round;
    maps.push(mapResult(maps.length + 1, r1, r2, rows, teamOf));
  }
  return maps;
}

export function mapResult(position: number, r1: RoundRow | null, r2: RoundRow | null, rows: readonly PlayerRow[], teamOf: TeamOf): MapResult {
  const last = (r2 ?? r1)!;
  const r1Attackers = r1 ? attackingTeam(r1, rows, teamOf) : null;
  let r2Attackers = r2 ? attackingTeam(r2, rows, teamOf) : null;
  if (r2 && r1Attackers && r2Attackers === null) r2Attackers = other(r1Attackers);
  let score: Record<TeamId, number> | null = null;
  if (r1 && r2 && r2.scoreR1Attackers !== null && r2.scoreR2Attackers !== null) {
    const firstAttackers = r1Attackers ?? (r2Attackers ? other(r2Attackers) : null);
    if (firstAttackers) {
      score = firstAttackers === 'A' ? { A: r2.scoreR1Attackers, B: r2.scoreR2Attackers } : { A: r2.scoreR2Attackers, B: r2.scoreR1Attackers };
    }
  }
  const winner: MapResult['winner'] = score === null ? null : score.A === score.B ? 'draw' : score.A > score.B ? 'A' : 'B';
  return {
    position,
    map: last.map,
    endedAt: last.endedAtLocal,
    r1: r1 ? roundOutcome(r1, r1Attackers) : null,
    r2: r2 ? roundOutcome(r2, r2Attackers) : null,
    score,
    winner,
    incomplete: r2 === null ? 'no-r2' : r1 === null ? 'orphan' : null,
  };
}

export function other(team: TeamId): TeamId {
  return team === 'A' ? 'B' : 'A';
}
