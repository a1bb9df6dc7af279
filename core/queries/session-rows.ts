import { bool, num, type Sql } from '../data/sql';
import type { TeamId } from './types';

/** A round as the summary reads it (with its match's stored score). */
export interface RoundRow {
  id: number;
  map: string;
  roundNumber: number;
  endedAtLocal: string;
  endedAtUtc: string;
  fileName: string;
  /** Hash of the file's content (the same content never makes two rounds). */
  contentHash: string;
  serverId: string;
  serverName: string;
  sessionId: number | null;
  orphan: boolean;
  defenderTeam: number;
  attackersSucceeded: boolean | null;
  timeLimit: string;
  nextTimeLimit: string;
  pairedRoundId: number | null;
  matchId: number | null;
  scoreR1Attackers: number | null;
  scoreR2Attackers: number | null;
}

/** One counted player row (time played above 0), orphans' rows included (`inTotals` false). */
export interface PlayerRow {
  roundId: number;
  guid: string;
  name: string;
  /** The display name with its colour codes. */
  rawName: string;
  /** Side in that round: 1 axis, 2 allies, 3 spectator, 0 free. */
  side: number;
  inTotals: boolean;
  kills: number;
  deaths: number;
  hits: number;
  shots: number;
  headshots: number;
  damageGiven: number;
  damageReceived: number;
  timePlayedSeconds: number;
  timeDeadMinutes: number;
  revivesGiven: number | null;
  gibs: number;
  xp: number;
  objectives: number;
}

const ROUND_COLUMNS = `r.id, r.map, r.round_number, r.ended_at_local, r.ended_at_utc, r.file_name, r.server_id, r.server_name_clean,
  r.session_id, r.status, r.defender_team, r.attackers_succeeded, r.time_limit, r.next_time_limit, r.paired_round_id, r.match_id,
  m.score_r1_attackers, m.score_r2_attackers, f.content_hash`;

const PLAYER_COLUMNS = `pr.round_id, pr.guid, p.name, p.raw_name, pr.team, pr.in_totals, pr.kills, pr.deaths, pr.hits, pr.shots, pr.headshots,
  pr.damage_given, pr.damage_received, pr.time_played_seconds, pr.time_dead_minutes, pr.revives_given, pr.gibs, pr.xp,
  pr.objectives_stolen, pr.objectives_returned, pr.dynamites_planted, pr.dynamites_defused`;

export async function roundsOfSession(sql: Sql, sessionId: number): Promise<RoundRow[]> {
  const rows = await sql.all(
    `SELECT ${ROUND_COLUMNS} FROM rounds r LEFT JOIN matches m ON m.id = r.match_id LEFT JOIN stats_files f ON f.id = r.file_id
      WHERE r.session_id = ? ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}`,
    [sessionId],
  );
  return rows.map(toRoundRow);
}

export async function roundsById(sql: Sql, ids: readonly number[]): Promise<RoundRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql.all(
    `SELECT ${ROUND_COLUMNS} FROM rounds r LEFT JOIN matches m ON m.id = r.match_id LEFT JOIN stats_files f ON f.id = r.file_id WHERE r.id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  return rows.map(toRoundRow);
}

export async function playersOfSession(sql: Sql, sessionId: number): Promise<PlayerRow[]> {
  const rows = await sql.all(
    `SELECT ${PLAYER_COLUMNS} FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid
      WHERE r.session_id = ? AND pr.counted = TRUE`,
    [sessionId],
  );
  return rows.map(toPlayerRow);
}

export async function playersOfRounds(sql: Sql, roundIds: readonly number[]): Promise<PlayerRow[]> {
  if (roundIds.length === 0) return [];
  const rows = await sql.all(
    `SELECT ${PLAYER_COLUMNS} FROM player_rounds pr JOIN players p ON p.guid = pr.guid
      WHERE pr.round_id IN (${roundIds.map(() => '?').join(', ')}) AND pr.counted = TRUE`,
    [...roundIds],
  );
  return rows.map(toPlayerRow);
}

export async function teamMembers(sql: Sql, sessionId: number): Promise<Map<string, { team: TeamId; name: string }>> {
  const rows = await sql.all(
    `SELECT stm.guid, stm.team, p.name FROM session_team_members stm JOIN players p ON p.guid = stm.guid WHERE stm.session_id = ?`,
    [sessionId],
  );
  return new Map(rows.map((r) => [String(r.guid), { team: r.team === 'B' ? 'B' : 'A', name: String(r.name) }]));
}

/** Kills per (player, weapon) over the session's rows that count in totals. */
export async function weaponKills(sql: Sql, sessionId: number): Promise<{ guid: string; weapon: number; kills: number }[]> {
  const rows = await sql.all(
    `SELECT wr.guid, wr.weapon, SUM(wr.kills) AS kills FROM weapon_rounds wr JOIN rounds r ON r.id = wr.round_id
      WHERE r.session_id = ? AND wr.in_totals = TRUE GROUP BY wr.guid, wr.weapon`,
    [sessionId],
  );
  return rows.map((r) => ({ guid: String(r.guid), weapon: num(r.weapon), kills: num(r.kills) }));
}

function toRoundRow(r: Record<string, unknown>): RoundRow {
  return {
    id: num(r.id),
    map: String(r.map),
    roundNumber: num(r.round_number),
    endedAtLocal: String(r.ended_at_local),
    endedAtUtc: String(r.ended_at_utc),
    fileName: String(r.file_name),
    contentHash: String(r.content_hash ?? ''),
    serverId: String(r.server_id),
    serverName: String(r.server_name_clean),
    sessionId: num(r.session_id, true),
    orphan: r.status === 'orphan',
    defenderTeam: num(r.defender_team),
    attackersSucceeded: r.attackers_succeeded === null || r.attackers_succeeded === undefined ? null : bool(r.attackers_succeeded),
    timeLimit: String(r.time_limit),
    nextTimeLimit: String(r.next_time_limit),
    pairedRoundId: num(r.paired_round_id, true),
    matchId: num(r.match_id, true),
    scoreR1Attackers: num(r.score_r1_attackers, true),
    scoreR2Attackers: num(r.score_r2_attackers, true),
  };
}

function toPlayerRow(r: Record<string, unknown>): PlayerRow {
  return {
    roundId: num(r.round_id),
    guid: String(r.guid),
    name: String(r.name),
    rawName: String(r.raw_name),
    side: num(r.team),
    inTotals: bool(r.in_totals),
    kills: num(r.kills),
    deaths: num(r.deaths),
    hits: num(r.hits),
    shots: num(r.shots),
    headshots: num(r.headshots),
    damageGiven: num(r.damage_given),
    damageReceived: num(r.damage_received),
    timePlayedSeconds: num(r.time_played_seconds),
    timeDeadMinutes: num(r.time_dead_minutes),
    revivesGiven: num(r.revives_given, true),
    gibs: num(r.gibs),
    xp: num(r.xp),
    objectives: num(r.objectives_stolen) + num(r.objectives_returned) + num(r.dynamites_planted) + num(r.dynamites_defused),
  };
}
