import type { Database } from '../data/database';
import { bool, num, Sql } from '../data/sql';
import { ALL_TIME, windowCondition, type TimeWindow } from './time-window';

/**
 * Every per-round value of one player's counted row (spec §3-§5, after the R2 derivation), for
 * awards and records. A field the row's era does not carry is null, not 0.
 */
export interface RoundValueRow {
  guid: string;
  /** The player's name now. */
  name: string;
  /** The clean name on this round's line. */
  nameInRound: string;
  /** An omni-bot (GUID OMNIBOT0...). */
  isBot: boolean;
  roundId: number;
  fileName: string;
  serverId: string;
  map: string;
  roundNumber: number;
  /** 'YYYY-MM-DDTHH:MM:SSZ' */
  endedAtUtc: string;
  /** The server's local time from the file name, 'YYYY-MM-DDTHH:MM:SS'. */
  endedAtLocal: string;
  sessionId: number | null;
  /** Extended field count of the line: 33, 36, 37 or 38. */
  era: number;
  values: RoundValues;
}

/** The numbers of a row, by name; null where the era lacks the field. */
export interface RoundValues {
  timePlayedSeconds: number;
  kills: number;
  deaths: number;
  hits: number;
  shots: number;
  /** Head hits. */
  headshots: number;
  damageGiven: number;
  damageReceived: number;
  teamDamageGiven: number;
  teamDamageReceived: number;
  gibs: number;
  selfKills: number;
  teamKills: number;
  xp: number;
  killingSpree: number;
  deathSpree: number;
  killAssists: number;
  killSteals: number;
  headshotKills: number;
  objectivesStolen: number;
  objectivesReturned: number;
  dynamitesPlanted: number;
  dynamitesDefused: number;
  timesRevived: number;
  timeDeadMinutes: number;
  usefulKills: number;
  /** Eras 37 and 38 only: era 33 lacks it and era 36 writes it inflated (spec §3). */
  deniedPlaytimeSeconds: number | null;
  multikill2: number;
  multikill3: number;
  multikill4: number;
  multikill5: number;
  multikill6: number;
  /** Eras 36+. */
  uselessKills: number | null;
  /** Eras 36+. */
  fullSelfKills: number | null;
  /** Eras 37+. */
  repairs: number | null;
  /** Era 38. */
  revivesGiven: number | null;
}

export type RoundValueField = keyof RoundValues;

/** [field, player_rounds column] of every value. */
const COLUMNS = [
  ['timePlayedSeconds', 'time_played_seconds'],
  ['kills', 'kills'],
  ['deaths', 'deaths'],
  ['hits', 'hits'],
  ['shots', 'shots'],
  ['headshots', 'headshots'],
  ['damageGiven', 'damage_given'],
  ['damageReceived', 'damage_received'],
  ['teamDamageGiven', 'team_damage_given'],
  ['teamDamageReceived', 'team_damage_received'],
  ['gibs', 'gibs'],
  ['selfKills', 'self_kills'],
  ['teamKills', 'team_kills'],
  ['xp', 'xp'],
  ['killingSpree', 'killing_spree'],
  ['deathSpree', 'death_spree'],
  ['killAssists', 'kill_assists'],
  ['killSteals', 'kill_steals'],
  ['headshotKills', 'headshot_kills'],
  ['objectivesStolen', 'objectives_stolen'],
  ['objectivesReturned', 'objectives_returned'],
  ['dynamitesPlanted', 'dynamites_planted'],
  ['dynamitesDefused', 'dynamites_defused'],
  ['timesRevived', 'times_revived'],
  ['timeDeadMinutes', 'time_dead_minutes'],
  ['usefulKills', 'useful_kills'],
  ['deniedPlaytimeSeconds', 'denied_playtime_seconds'],
  ['multikill2', 'multikill2'],
  ['multikill3', 'multikill3'],
  ['multikill4', 'multikill4'],
  ['multikill5', 'multikill5'],
  ['multikill6', 'multikill6'],
  ['uselessKills', 'useless_kills'],
  ['fullSelfKills', 'full_self_kills'],
  ['repairs', 'repairs'],
  ['revivesGiven', 'revives_given'],
] as const satisfies readonly (readonly [RoundValueField, string])[];

const NULLABLE = new Set<RoundValueField>(['deniedPlaytimeSeconds', 'uselessKills', 'fullSelfKills', 'repairs', 'revivesGiven']);

/** Every value field, for plugins that list or validate the fields they read. */
export const ROUND_VALUE_FIELDS: readonly RoundValueField[] = COLUMNS.map(([field]) => field);

const SELECT = `SELECT pr.guid, p.name, p.is_bot, pr.clean_name, pr.round_id, pr.era, r.file_name, r.server_id, r.map, r.round_number,
       r.ended_at_utc, r.ended_at_local, r.session_id, ${COLUMNS.map(([, column]) => `pr.${column}`).join(', ')}
  FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid
 WHERE pr.in_totals = TRUE`;

/** A round's header (spec §2) with what the bot derived from it. */
export interface RoundHeaderRow {
  roundId: number;
  fileName: string;
  serverId: string;
  map: string;
  roundNumber: number;
  endedAtUtc: string;
  endedAtLocal: string;
  /** An R2 without its R1: counts nowhere. */
  orphan: boolean;
  matchId: number | null;
  pairedRoundId: number | null;
  defenderTeam: number;
  winnerTeam: number;
  timeLimitSeconds: number;
  nextTimeLimitSeconds: number;
  /** Milliseconds from the optional 9th header field; null when absent. */
  playtimeMs: number | null;
  /** true: the attackers succeeded; false: the defenders held; null: winnerteam 0. */
  attackersSucceeded: boolean | null;
}

/** A gaming session as a title names it. */
export interface SessionLabel {
  sessionId: number;
  /** 1 = the first session ever (the numbering `!sessions` shows). */
  number: number;
  /** Local time of the first round's end, `YYYY-MM-DDTHH:MM:SS`. */
  startLocal: string;
}

const CHUNK = 400;

/**
 * Per-round values for awards and records: counted rows only (spec §9 Counting), every value
 * with its era's nulls; round headers for stopwatch times. Not cached: the readers either
 * answer from small sets (a session) or keep what they derive in their own tables.
 */
export class RoundValuesService {
  constructor(private readonly db: Database) {}

  /** The counted rows of one gaming session. */
  ofSession(sessionId: number): Promise<RoundValueRow[]> {
    return this.db.read(async (sql) => (await sql.all(`${SELECT} AND r.session_id = ? ${ORDER}`, [sessionId])).map(toRow));
  }

  /** A session's number and start, or null when there is no such session. */
  sessionLabel(sessionId: number): Promise<SessionLabel | null> {
    return this.db.read(async (sql) => {
      const row = await sql.one(
        `SELECT s.id, s.start_local,
                (SELECT COUNT(*) FROM gaming_sessions o WHERE o.start_utc < s.start_utc OR (o.start_utc = s.start_utc AND o.id <= s.id)) AS number
           FROM gaming_sessions s WHERE s.id = ?`,
        [sessionId],
      );
      return row ? { sessionId: num(row.id), number: num(row.number), startLocal: String(row.start_local) } : null;
    });
  }

  /** The n-th session (1 = the first ever), or null when there are fewer. */
  sessionLabelByNumber(number: number): Promise<SessionLabel | null> {
    if (!Number.isInteger(number) || number < 1) return Promise.resolve(null);
    return this.db.read(async (sql) => {
      const row = await sql.one('SELECT id, start_local FROM gaming_sessions ORDER BY start_utc, id LIMIT 1 OFFSET ?', [number - 1]);
      return row ? { sessionId: num(row.id), number, startLocal: String(row.start_local) } : null;
    });
  }

  /** The counted rows in a time window, optionally of one map only. */
  inWindow(window: TimeWindow = ALL_TIME, map?: string): Promise<RoundValueRow[]> {
    const w = windowCondition(window);
    return this.db.read(async (sql) =>
      (await sql.all(`${SELECT}${w.sql}${map === undefined ? '' : ' AND r.map = ?'} ${ORDER}`, [...w.params, ...(map === undefined ? [] : [map])])).map(toRow),
    );
  }

  /** The counted rows of these rounds. */
  ofRounds(roundIds: readonly number[]): Promise<RoundValueRow[]> {
    return this.chunked(roundIds, (chunk) => `${SELECT} AND pr.round_id IN ${Sql.list(chunk)}`);
  }

  /** Every counted row of these players. */
  ofPlayers(guids: readonly string[]): Promise<RoundValueRow[]> {
    return this.chunked(guids, (chunk) => `${SELECT} AND pr.guid IN ${Sql.list(chunk)}`);
  }

  /** Up to `limit` round ids above `afterId`, ascending (to walk every round a page at a time). */
  roundIdsAfter(afterId: number, limit: number): Promise<number[]> {
    return this.db.read(async (sql) => (await sql.all('SELECT id FROM rounds WHERE id > ? ORDER BY id LIMIT ?', [afterId, limit])).map((r) => num(r.id)));
  }

  /** Which of these round ids still exist (a replaced file's old round is gone). */
  existingRoundIds(roundIds: readonly number[]): Promise<number[]> {
    return this.db.read(async (sql) => {
      const out: number[] = [];
      for (let i = 0; i < roundIds.length; i += CHUNK) {
        const chunk = roundIds.slice(i, i + CHUNK);
        out.push(...(await sql.all(`SELECT id FROM rounds WHERE id IN ${Sql.list(chunk)}`, [...chunk])).map((r) => num(r.id)));
      }
      return out;
    });
  }

  /** The headers of these rounds, by id. */
  headers(roundIds: readonly number[]): Promise<RoundHeaderRow[]> {
    return this.db.read(async (sql) => {
      const out: RoundHeaderRow[] = [];
      for (let i = 0; i < roundIds.length; i += CHUNK) {
        const chunk = roundIds.slice(i, i + CHUNK);
        const rows = await sql.all(
          `SELECT id, file_name, server_id, map, round_number, ended_at_utc, ended_at_local, status, match_id, paired_round_id,
                  defender_team, winner_team, time_limit_seconds, next_time_limit_seconds, playtime_ms, attackers_succeeded
             FROM rounds WHERE id IN ${Sql.list(chunk)}`,
          [...chunk],
        );
        out.push(...rows.map(toHeader));
      }
      return out.sort((a, b) => a.roundId - b.roundId);
    });
  }

  /**
   * What changes whenever rounds are stored, replaced or removed (round count and highest id):
   * a plugin that keeps derived tables compares it to know whether it missed imports (another
   * process's `etbot import`).
   */
  version(): Promise<string> {
    return this.db.read(async (sql) => {
      const r = await sql.one('SELECT COUNT(*) AS n, MAX(id) AS last FROM rounds');
      return `${num(r?.n)}:${num(r?.last, true) ?? 0}`;
    });
  }

  private async chunked<K extends string | number>(keys: readonly K[], statement: (chunk: K[]) => string): Promise<RoundValueRow[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    return this.db.read(async (sql) => {
      const out: RoundValueRow[] = [];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const chunk = unique.slice(i, i + CHUNK);
        out.push(...(await sql.all(`${statement(chunk)} ${ORDER}`, chunk)).map(toRow));
      }
      return out;
    });
  }
}

const ORDER = 'ORDER BY r.ended_at_utc, r.id, pr.guid';

function toRow(r: Record<string, unknown>): RoundValueRow {
  const era = num(r.era);
  const values = {} as Record<RoundValueField, number | null>;
  for (const [field, column] of COLUMNS) values[field] = NULLABLE.has(field) ? num(r[column], true) : num(r[column]);
  if (era === 36) values.deniedPlaytimeSeconds = null;
  return {
    guid: String(r.guid),
    name: String(r.name),
    nameInRound: String(r.clean_name),
    isBot: bool(r.is_bot),
    roundId: num(r.round_id),
    fileName: String(r.file_name),
    serverId: String(r.server_id),
    map: String(r.map),
    roundNumber: num(r.round_number),
    endedAtUtc: String(r.ended_at_utc),
    endedAtLocal: String(r.ended_at_local),
    sessionId: num(r.session_id, true),
    era,
    values: values as unknown as RoundValues,
  };
}

function toHeader(r: Record<string, unknown>): RoundHeaderRow {
  return {
    roundId: num(r.id),
    fileName: String(r.file_name),
    serverId: String(r.server_id),
    map: String(r.map),
    roundNumber: num(r.round_number),
    endedAtUtc: String(r.ended_at_utc),
    endedAtLocal: String(r.ended_at_local),
    orphan: String(r.status) === 'orphan',
    matchId: num(r.match_id, true),
    pairedRoundId: num(r.paired_round_id, true),
    defenderTeam: num(r.defender_team),
    winnerTeam: num(r.winner_team),
    timeLimitSeconds: num(r.time_limit_seconds),
    nextTimeLimitSeconds: num(r.next_time_limit_seconds),
    playtimeMs: num(r.playtime_ms, true),
    attackersSucceeded: r.attackers_succeeded === null || r.attackers_succeeded === undefined ? null : bool(r.attackers_succeeded),
  };
}
