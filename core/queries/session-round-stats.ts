import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { BotRule } from './bots';
import { bool, num, type Sql } from '../data/sql';

/**
 * One counted player row of a session's round with every per-round field the files have (spec §3),
 * after the R2 derivation. A field the round's era lacks is null (spec §3: unknown, not 0).
 */
export interface SessionRoundStatRow {
  roundId: number;
  map: string;
  roundNumber: number;
  endedAtLocal: string;
  guid: string;
  /** The player's name now, colour codes removed. */
  name: string;
  /** 1 axis, 2 allies. */
  side: number;
  /** The player's persistent team in the session (spec §6); null when the session has none for them. */
  team: 'A' | 'B' | null;
  /** False for an orphan R2's rows: they count nowhere. */
  inTotals: boolean;
  timePlayedSeconds: number;
  timeDeadMinutes: number;
  kills: number;
  deaths: number;
  headshotKills: number;
  gibs: number;
  killAssists: number;
  killSteals: number;
  damageGiven: number;
  damageReceived: number;
  teamDamageGiven: number;
  selfKills: number;
  teamKills: number;
  killingSpree: number;
  deathSpree: number;
  usefulKills: number;
  objectivesStolen: number;
  objectivesReturned: number;
  dynamitesPlanted: number;
  dynamitesDefused: number;
  timesRevived: number;
  /** Multikills of 2, 3, 4, 5 and 6 kills in a row. */
  multikills: [number, number, number, number, number];
  /** Null in the 33-field era. */
  deniedPlaytimeSeconds: number | null;
  /** Null in the 33-field era. */
  uselessKills: number | null;
  /** Null before the 37-field era. */
  repairs: number | null;
  /** Null before the 38-field era. */
  revivesGiven: number | null;
}

/** A session's number (1 = the first ever, as `!sessions` numbers them) and its local start and end. */
export interface SessionHeaderRow {
  sessionId: number;
  number: number;
  startLocal: string;
  endLocal: string;
}

const COLUMNS = `r.id AS round_id, r.map, r.round_number, r.ended_at_local, pr.guid, p.name, pr.team, stm.team AS persistent_team, pr.in_totals,
  pr.time_played_seconds, pr.time_dead_minutes, pr.kills, pr.deaths, pr.headshot_kills, pr.gibs, pr.kill_assists, pr.kill_steals,
  pr.damage_given, pr.damage_received, pr.team_damage_given, pr.self_kills, pr.team_kills, pr.killing_spree, pr.death_spree,
  pr.useful_kills, pr.objectives_stolen, pr.objectives_returned, pr.dynamites_planted, pr.dynamites_defused, pr.times_revived,
  pr.multikill2, pr.multikill3, pr.multikill4, pr.multikill5, pr.multikill6, pr.denied_playtime_seconds, pr.useless_kills,
  pr.repairs, pr.revives_given`;

/**
 * A session's counted player rows with all their per-round fields (the `!last_session` views and
 * the DPM timeline), in play order: the round's end, then its file name, then the GUID.
 */
export class SessionRoundStatsService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
    private readonly bots: BotRule = new BotRule(),
  ) {}

  /** Bots are left out unless players.includeBots (session lists follow the one bot rule). */
  ofSession(sessionId: number): Promise<SessionRoundStatRow[]> {
    return this.cache.wrap(`session-round-stats:${sessionId}`, async () =>
      (await this.db.read((sql) => read(sql, sessionId))).filter((row) => !this.bots.leftOut(row)),
    );
  }

  /** The session's number and times, or null when there is no such session (counted, not numbered over every session). */
  header(sessionId: number): Promise<SessionHeaderRow | null> {
    return this.cache.wrap(`session-round-stats:header:${sessionId}`, () =>
      this.db.read(async (sql) => {
        const s = await sql.one('SELECT id, start_utc, start_local, end_local FROM gaming_sessions WHERE id = ?', [sessionId]);
        if (!s) return null;
        const before = await sql.one('SELECT COUNT(*) AS n FROM gaming_sessions WHERE start_utc < ? OR (start_utc = ? AND id <= ?)', [
          String(s.start_utc),
          String(s.start_utc),
          sessionId,
        ]);
        return { sessionId, number: num(before?.n), startLocal: String(s.start_local), endLocal: String(s.end_local) };
      }),
    );
  }
}

async function read(sql: Sql, sessionId: number): Promise<SessionRoundStatRow[]> {
  const rows = await sql.all(
    `SELECT ${COLUMNS} FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid
       LEFT JOIN session_team_members stm ON stm.session_id = r.session_id AND stm.guid = pr.guid
      WHERE r.session_id = ? AND pr.counted = TRUE
      ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}, ${sql.bytewise('pr.guid')}`,
    [sessionId],
  );
  return rows.map(toRow);
}

function toRow(r: Record<string, unknown>): SessionRoundStatRow {
  return {
    roundId: num(r.round_id),
    map: String(r.map),
    roundNumber: num(r.round_number),
    endedAtLocal: String(r.ended_at_local),
    guid: String(r.guid),
    name: String(r.name),
    side: num(r.team),
    team: r.persistent_team === 'A' || r.persistent_team === 'B' ? r.persistent_team : null,
    inTotals: bool(r.in_totals),
    timePlayedSeconds: num(r.time_played_seconds),
    timeDeadMinutes: num(r.time_dead_minutes),
    kills: num(r.kills),
    deaths: num(r.deaths),
    headshotKills: num(r.headshot_kills),
    gibs: num(r.gibs),
    killAssists: num(r.kill_assists),
    killSteals: num(r.kill_steals),
    damageGiven: num(r.damage_given),
    damageReceived: num(r.damage_received),
    teamDamageGiven: num(r.team_damage_given),
    selfKills: num(r.self_kills),
    teamKills: num(r.team_kills),
    killingSpree: num(r.killing_spree),
    deathSpree: num(r.death_spree),
    usefulKills: num(r.useful_kills),
    objectivesStolen: num(r.objectives_stolen),
    objectivesReturned: num(r.objectives_returned),
    dynamitesPlanted: num(r.dynamites_planted),
    dynamitesDefused: num(r.dynamites_defused),
    timesRevived: num(r.times_revived),
    multikills: [num(r.multikill2), num(r.multikill3), num(r.multikill4), num(r.multikill5), num(r.multikill6)],
    deniedPlaytimeSeconds: num(r.denied_playtime_seconds, true),
    uselessKills: num(r.useless_kills, true),
    repairs: num(r.repairs, true),
    revivesGiven: num(r.revives_given, true),
  };
}
