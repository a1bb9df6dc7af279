import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { bool, num, type Sql } from '../data/sql';
import { WEAPONS } from '../parsing/weapons';
import { BotRule } from './bots';
import type { SessionTeam } from './sessions';

/** A gaming session with its number (1 = the first session ever, as `!sessions` numbers them). */
export interface SessionInfoRow {
  id: number;
  number: number;
  serverId: string;
  /** Local times of the first and last round's end (spec §9), `YYYY-MM-DDTHH:MM:SS`. */
  startLocal: string;
  endLocal: string;
  /** The same instants in UTC. */
  startUtc: string;
  endUtc: string;
  /** Accepted round files, orphans included. */
  roundCount: number;
  /** Paired matches. */
  mapCount: number;
}

/** A round with its match's stored score. */
export interface SessionRoundRow {
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
export interface SessionPlayerRow {
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
  /** Objectives stolen + returned + dynamites planted + defused. */
  objectives: number;
}

/** A player's persistent team in a session. */
export interface SessionTeamMemberRow {
  guid: string;
  team: SessionTeam;
  name: string;
}

/** Kills of one player with one weapon over a session's rows that count in totals. */
export interface SessionWeaponKillsRow {
  guid: string;
  /** Index 0..27 (spec §3). */
  weapon: number;
  /** The name players know. */
  weaponName: string;
  kills: number;
}

/** Everything stored about one session, read in one go (one consistent read). */
export interface SessionRows {
  session: SessionInfoRow;
  /** In play order (end time, then file name). */
  rounds: SessionRoundRow[];
  players: SessionPlayerRow[];
  teamMembers: SessionTeamMemberRow[];
  weaponKills: SessionWeaponKillsRow[];
}

/** One round with its paired round, their counted player rows and the session's teams. */
export interface RoundRows {
  round: SessionRoundRow;
  /** The other round of its map, when paired. */
  partner: SessionRoundRow | null;
  /** Rows of the round and of its partner. */
  players: SessionPlayerRow[];
  /** Empty when the round belongs to no session. */
  teamMembers: SessionTeamMemberRow[];
}

const NUMBERED = `SELECT s.id, s.server_id, s.start_local, s.end_local, s.start_utc, s.end_utc, s.round_count, s.map_count,
  ROW_NUMBER() OVER (ORDER BY s.start_utc, s.id) AS number FROM gaming_sessions s`;

const ROUND_COLUMNS = `r.id, r.map, r.round_number, r.ended_at_local, r.ended_at_utc, r.file_name, r.server_id, r.server_name_clean,
  r.session_id, r.status, r.defender_team, r.attackers_succeeded, r.time_limit, r.next_time_limit, r.paired_round_id, r.match_id,
  m.score_r1_attackers, m.score_r2_attackers, f.content_hash`;

const PLAYER_COLUMNS = `pr.round_id, pr.guid, p.name, p.raw_name, pr.team, pr.in_totals, pr.kills, pr.deaths, pr.hits, pr.shots, pr.headshots,
  pr.damage_given, pr.damage_received, pr.time_played_seconds, pr.time_dead_minutes, pr.revives_given, pr.gibs, pr.xp,
  pr.objectives_stolen, pr.objectives_returned, pr.dynamites_planted, pr.dynamites_defused`;

/**
 * The stored rows a session summary is made of (spec §5, §6, §9): which session is the last, the
 * n-th or on a date, and one session's (or one round's) rounds, counted player rows, teams and
 * kills by weapon, each read in one go.
 */
export class SessionRowsService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
    private readonly bots: BotRule = new BotRule(),
  ) {}

  /** The most recent session (by last round's end), or null on an empty database. */
  lastSessionId(): Promise<number | null> {
    return this.sessionIdByIndex(1);
  }

  /** The n-th most recent session: 1 = the last one, 2 = the one before... */
  sessionIdByIndex(n: number): Promise<number | null> {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`session index must be 1 or more, got ${n}`);
    return this.cache.wrap(`session-rows:index-id:${n}`, () =>
      this.db.read(async (sql) => num((await sql.one('SELECT id FROM gaming_sessions ORDER BY end_utc DESC, id DESC LIMIT 1 OFFSET ?', [n - 1]))?.id, true)),
    );
  }

  /** By number: 1 = the first session ever (the numbering `!sessions` shows). */
  sessionIdByNumber(number: number): Promise<number | null> {
    return this.cache.wrap(`session-rows:number-id:${number}`, () =>
      this.db.read(async (sql) => num((await sql.one(`SELECT n.id FROM (${NUMBERED}) n WHERE n.number = ?`, [number]))?.id, true)),
    );
  }

  /** Ids of the sessions that started on a local date `YYYY-MM-DD`, oldest first. */
  sessionIdsOnDate(date: string): Promise<number[]> {
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) throw new RangeError(`date must be YYYY-MM-DD, got '${date}'`);
    return this.cache.wrap(`session-rows:date-ids:${date}`, () =>
      this.db.read(async (sql) => {
        const rows = await sql.all('SELECT id FROM gaming_sessions WHERE start_local >= ? AND start_local < ? ORDER BY start_utc, id', [
          `${date}T00:00:00`,
          `${date}T99`,
        ]);
        return rows.map((r) => num(r.id));
      }),
    );
  }

  /** The latest round (any server), or null on an empty database. */
  lastRoundId(): Promise<number | null> {
    return this.cache.wrap('session-rows:last-round-id', () =>
      this.db.read(async (sql) =>
        num((await sql.one(`SELECT id FROM rounds ORDER BY ended_at_utc DESC, ${sql.bytewise('file_name')} DESC LIMIT 1`))?.id, true),
      ),
    );
  }

  /** A session's rows, or null when there is no such session. */
  session(sessionId: number): Promise<SessionRows | null> {
    return this.cache.wrap(`session-rows:session:${sessionId}`, () =>
      this.db.read(async (sql) => {
        const session = await sql.one(`SELECT n.* FROM (${NUMBERED}) n WHERE n.id = ?`, [sessionId]);
        if (!session) return null;
        const everyPlayerRow = await playersOfSession(sql, sessionId);
        const leftOutGuids = new Set(everyPlayerRow.filter((row) => this.bots.leftOut(row)).map((row) => row.guid));
        return {
          session: toSessionInfo(session),
          rounds: await roundsOfSession(sql, sessionId),
          players: this.withoutBots(everyPlayerRow),
          teamMembers: this.withoutBots(await teamMembers(sql, sessionId)),
          weaponKills: (await weaponKills(sql, sessionId)).filter((row) => !leftOutGuids.has(row.guid)),
        };
      }),
    );
  }

  /** A round's rows, or null when there is no such round. */
  round(roundId: number): Promise<RoundRows | null> {
    return this.cache.wrap(`session-rows:round:${roundId}`, () =>
      this.db.read(async (sql) => {
        const [round] = await roundsById(sql, [roundId]);
        if (!round) return null;
        const partner = round.pairedRoundId === null ? undefined : (await roundsById(sql, [round.pairedRoundId]))[0];
        return {
          round,
          partner: partner ?? null,
          players: this.withoutBots(await playersOfRounds(sql, partner ? [round.id, partner.id] : [round.id])),
          teamMembers: this.withoutBots(round.sessionId === null ? [] : await teamMembers(sql, round.sessionId)),
        };
      }),
    );
  }

  /** Session lists leave bots out unless players.includeBots. */
  private withoutBots<T extends { guid: string; name: string }>(rows: T[]): T[] {
    return rows.filter((row) => !this.bots.leftOut(row));
  }
}

async function roundsOfSession(sql: Sql, sessionId: number): Promise<SessionRoundRow[]> {
  const rows = await sql.all(
    `SELECT ${ROUND_COLUMNS} FROM rounds r LEFT JOIN matches m ON m.id = r.match_id LEFT JOIN stats_files f ON f.id = r.file_id
      WHERE r.session_id = ? ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}`,
    [sessionId],
  );
  return rows.map(toRoundRow);
}

async function roundsById(sql: Sql, ids: readonly number[]): Promise<SessionRoundRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql.all(
    `SELECT ${ROUND_COLUMNS} FROM rounds r LEFT JOIN matches m ON m.id = r.match_id LEFT JOIN stats_files f ON f.id = r.file_id WHERE r.id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  return rows.map(toRoundRow);
}

async function playersOfSession(sql: Sql, sessionId: number): Promise<SessionPlayerRow[]> {
  const rows = await sql.all(
    `SELECT ${PLAYER_COLUMNS} FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid
      WHERE r.session_id = ? AND pr.counted = TRUE`,
    [sessionId],
  );
  return rows.map(toPlayerRow);
}

async function playersOfRounds(sql: Sql, roundIds: readonly number[]): Promise<SessionPlayerRow[]> {
  if (roundIds.length === 0) return [];
  const rows = await sql.all(
    `SELECT ${PLAYER_COLUMNS} FROM player_rounds pr JOIN players p ON p.guid = pr.guid
      WHERE pr.round_id IN (${roundIds.map(() => '?').join(', ')}) AND pr.counted = TRUE`,
    [...roundIds],
  );
  return rows.map(toPlayerRow);
}

async function teamMembers(sql: Sql, sessionId: number): Promise<SessionTeamMemberRow[]> {
  const rows = await sql.all(`SELECT stm.guid, stm.team, p.name FROM session_team_members stm JOIN players p ON p.guid = stm.guid WHERE stm.session_id = ?`, [
    sessionId,
  ]);
  return rows.map((r) => ({ guid: String(r.guid), team: r.team === 'B' ? 'B' : 'A', name: String(r.name) }));
}

async function weaponKills(sql: Sql, sessionId: number): Promise<SessionWeaponKillsRow[]> {
  const rows = await sql.all(
    `SELECT wr.guid, wr.weapon, SUM(wr.kills) AS kills FROM weapon_rounds wr JOIN rounds r ON r.id = wr.round_id
      WHERE r.session_id = ? AND wr.in_totals = TRUE GROUP BY wr.guid, wr.weapon`,
    [sessionId],
  );
  return rows.map((r) => {
    const weapon = num(r.weapon);
    return { guid: String(r.guid), weapon, weaponName: WEAPONS[weapon]?.name ?? `weapon ${weapon}`, kills: num(r.kills) };
  });
}

function toSessionInfo(r: Record<string, unknown>): SessionInfoRow {
  return {
    id: num(r.id),
    number: num(r.number),
    serverId: String(r.server_id),
    startLocal: String(r.start_local),
    endLocal: String(r.end_local),
    startUtc: String(r.start_utc),
    endUtc: String(r.end_utc),
    roundCount: num(r.round_count),
    mapCount: num(r.map_count),
  };
}

function toRoundRow(r: Record<string, unknown>): SessionRoundRow {
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

function toPlayerRow(r: Record<string, unknown>): SessionPlayerRow {
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
