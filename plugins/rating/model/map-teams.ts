import type { MapOutcome } from './weng-lin';

/** One counted player row of a match's R1 or R2 (time played in that round above 0). */
export interface MatchPlayerRow {
  round: 1 | 2;
  guid: string;
  /** 1 axis, 2 allies; other values (spectator, free) give no side. */
  team: number;
  /** Time played in this round, tenths of a minute (after the R2 derivation). */
  tenths: number;
  kills: number;
  deaths: number;
  damageGiven: number;
  /** Objective and support actions (CountedPlayerRound.objectivePlay). */
  objectivePlay: number;
}

/** A completed stopwatch map as the rating sees it. */
export interface MatchFacts {
  matchId: number;
  serverId: string;
  map: string;
  /** R2's end, UTC 'YYYY-MM-DDTHH:MM:SSZ'. */
  endedAtUtc: string;
  /** Tie-break after the time: R2's file name (the same whatever the import order). */
  r2FileName: string;
  r1RoundId: number;
  r2RoundId: number;
  r1DefenderTeam: number;
  r2DefenderTeam: number;
  /** Map score of R1's attackers and R2's attackers (2-0, 0-2 or 1-1). */
  scoreR1Attackers: number;
  scoreR2Attackers: number;
  rows: MatchPlayerRow[];
}

export interface MapParticipant {
  guid: string;
  /** Share of the map played: the player's time on this team / the map's length, in (0, 1]. */
  weight: number;
  kills: number;
  deaths: number;
  damageGiven: number;
  objectivePlay: number;
  /** Time played in the whole map (either team), tenths of a minute. */
  tenths: number;
}

/** Team A = R1's attackers (R2's defenders); team B = R1's defenders (R2's attackers). */
export interface MapTeams {
  a: MapParticipant[];
  b: MapParticipant[];
  outcome: MapOutcome;
  /** Damage per minute of everyone with time in the map: the lobby a performance is measured against. */
  lobbyDpm: number;
  /** Objective and support actions of everyone with time in the map, per tenth of a minute played. */
  lobbyObjectiveRate: number;
}

/** The order maps are rated in: R2's end time, then server, then R2's file name (byte-wise). */
export function compareMatches(
  x: Pick<MatchFacts, 'endedAtUtc' | 'serverId' | 'r2FileName'>,
  y: Pick<MatchFacts, 'endedAtUtc' | 'serverId' | 'r2FileName'>,
): number {
  return cmp(x.endedAtUtc, y.endedAtUtc) || cmp(x.serverId, y.serverId) || cmp(x.r2FileName, y.r2FileName);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mapOutcome(scoreR1Attackers: number, scoreR2Attackers: number): MapOutcome {
  if (scoreR1Attackers > scoreR2Attackers) return 'A';
  if (scoreR2Attackers > scoreR1Attackers) return 'B';
  return 'draw';
}

/**
 * The two persistent teams of one map (spec §6: sides swap between R1 and R2, a team is a set of
 * GUIDs). A player belongs to the team they spent most of the map's time on; their weight is that
 * time over the map's length, the longest R1 time plus the longest R2 time of anyone.
 * Null when a team is empty (nothing to learn from the map).
 */
export function mapTeams(facts: MatchFacts): MapTeams | null {
  const longest = { 1: 0, 2: 0 };
  const byGuid = new Map<string, { a: number; b: number; kills: number; deaths: number; damageGiven: number; objectivePlay: number }>();
  let lobbyDamage = 0;
  let lobbyObjectivePlay = 0;
  let lobbyTenths = 0;
  for (const row of facts.rows) {
    if (row.tenths <= 0) continue;
    longest[row.round] = Math.max(longest[row.round], row.tenths);
    lobbyDamage += row.damageGiven;
    lobbyObjectivePlay += row.objectivePlay;
    lobbyTenths += row.tenths;
    if (row.team !== 1 && row.team !== 2) continue;
    const defender = row.round === 1 ? facts.r1DefenderTeam : facts.r2DefenderTeam;
    // R1's attackers defend in R2.
    const onA = row.round === 1 ? row.team !== defender : row.team === defender;
    const entry = byGuid.get(row.guid) ?? { a: 0, b: 0, kills: 0, deaths: 0, damageGiven: 0, objectivePlay: 0 };
    if (onA) entry.a += row.tenths;
    else entry.b += row.tenths;
    entry.kills += row.kills;
    entry.deaths += row.deaths;
    entry.damageGiven += row.damageGiven;
    entry.objectivePlay += row.objectivePlay;
    byGuid.set(row.guid, entry);
  }
  const mapLength = longest[1] + longest[2];
  const a: MapParticipant[] = [];
  const b: MapParticipant[] = [];
  for (const guid of [...byGuid.keys()].sort()) {
    const e = byGuid.get(guid)!;
    const onA = e.a >= e.b;
    const weight = Math.min(1, (onA ? e.a : e.b) / mapLength);
    (onA ? a : b).push({ guid, weight, kills: e.kills, deaths: e.deaths, damageGiven: e.damageGiven, objectivePlay: e.objectivePlay, tenths: e.a + e.b });
  }
  if (a.length === 0 || b.length === 0) return null;
  const lobbyDpm = (lobbyDamage * 10) / lobbyTenths;
  return {
    a,
    b,
    outcome: mapOutcome(facts.scoreR1Attackers, facts.scoreR2Attackers),
    lobbyDpm,
    lobbyObjectiveRate: lobbyObjectivePlay / lobbyTenths,
  };
}
