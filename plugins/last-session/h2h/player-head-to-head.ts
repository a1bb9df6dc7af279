import type { PlayerRoundRow, TeamHistory, TeamHistoryMapRow } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';
import { addResult, emptyRecord, type Record3 } from './record';
import { teamHeadToHead, type HeadToHead } from './team-head-to-head';

export interface PlayersHeadToHead {
  /** The first player against the second: sessions on opposite teams, maps on opposite sides. */
  against: HeadToHead;
  /** Maps both played on the same side, from their point of view, and by map. */
  together: { maps: Record3; byMap: { map: string; record: Record3 }[] };
}

/**
 * Two players across all sessions. A map counts for them when both played one of its rounds; the
 * side each had in that round (R1 first) says opposite or same. Sessions count when they were on
 * opposite persistent teams.
 */
export function playersHeadToHead(history: TeamHistory, rows: readonly PlayerRoundRow[], first: string, second: string): PlayersHeadToHead {
  const sides = new Map<string, number>();
  for (const r of rows) if (r.inTotals && (r.team === 1 || r.team === 2)) sides.set(`${r.roundId}:${r.guid}`, r.team);
  const opposite = new Map<number, [TeamId, TeamId]>();
  const teamOf = new Map(history.members.map((m) => [`${m.sessionId}:${m.guid}`, m.team]));
  for (const s of history.sessions) {
    const a = teamOf.get(`${s.sessionId}:${first}`);
    const b = teamOf.get(`${s.sessionId}:${second}`);
    if (a && b && a !== b) opposite.set(s.sessionId, [a, b]);
  }
  // Map by map from the sides they had, whatever their persistent teams were.
  const againstMaps: TeamHistoryMapRow[] = [];
  const together = emptyRecord();
  const togetherByMap = new Map<string, Record3>();
  for (const m of history.maps) {
    const shared = sharedRound(m, sides, first, second);
    if (!shared || m.scoreR1Attackers === null || m.scoreR2Attackers === null) continue;
    const points = (side: number) => pointsOfSide(m, shared.round, side);
    if (shared.sideA !== shared.sideB) {
      againstMaps.push({ ...m, score: { A: points(shared.sideA), B: points(shared.sideB) } });
    } else {
      const record = togetherByMap.get(m.map) ?? emptyRecord();
      addResult(record, points(shared.sideA), pointsOfOther(m, shared.round, shared.sideA));
      addResult(together, points(shared.sideA), pointsOfOther(m, shared.round, shared.sideA));
      togetherByMap.set(m.map, record);
    }
  }
  // Maps against each other: "A" is the first player's side of that map, "B" the second's.
  const mapsOnly = teamHeadToHead({ ...history, maps: againstMaps }, new Map(againstMaps.map((m) => [m.sessionId, ['A', 'B'] as [TeamId, TeamId]])));
  const sessionsOnly = teamHeadToHead(history, opposite);
  return {
    against: { ...mapsOnly, sessions: sessionsOnly.sessions },
    together: {
      maps: together,
      byMap: [...togetherByMap.entries()]
        .map(([map, record]) => ({ map, record }))
        .sort((a, b) => total(b.record) - total(a.record) || (a.map < b.map ? -1 : 1)),
    },
  };
}

const total = (r: Record3) => r.won + r.lost + r.drawn;

/** The round of the map both played (R1 first) with their sides, or null. */
function sharedRound(m: TeamHistoryMapRow, sides: ReadonlyMap<string, number>, a: string, b: string): { round: 1 | 2; sideA: number; sideB: number } | null {
  for (const [round, id] of [
    [1, m.r1RoundId],
    [2, m.r2RoundId],
  ] as const) {
    const sideA = sides.get(`${id}:${a}`);
    const sideB = sides.get(`${id}:${b}`);
    if (sideA !== undefined && sideB !== undefined) return { round, sideA, sideB };
  }
  return null;
}

/** Map points of whoever played on `side` in R1 or R2 (teams swap sides between the rounds). */
function pointsOfSide(m: TeamHistoryMapRow, round: 1 | 2, side: number): number {
  const attacker = round === 1 ? m.r1AttackerSide : m.r2AttackerSide;
  const attackedIn1 = round === 1 ? side === attacker : side !== attacker;
  return attackedIn1 ? m.scoreR1Attackers! : m.scoreR2Attackers!;
}

/** The other side's points: a map's two scores are R1's and R2's attackers' (2-0, 1-1 or 0-2). */
function pointsOfOther(m: TeamHistoryMapRow, round: 1 | 2, side: number): number {
  return m.scoreR1Attackers! + m.scoreR2Attackers! - pointsOfSide(m, round, side);
}
