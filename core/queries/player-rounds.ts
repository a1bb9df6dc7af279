import type { Database } from '../data/database';
import { bool, num, Sql, type SqlValue } from '../data/sql';
import { ALL_TIME, windowCondition, type TimeWindow } from './time-window';

/** One player's line of one round, after the R2 derivation (spec §4): what that player did in that round. */
export interface PlayerRoundRow {
  guid: string;
  /** The player's name now (the one every command shows). */
  name: string;
  /** The clean name on this round's line. */
  nameInRound: string;
  roundId: number;
  fileName: string;
  serverId: string;
  map: string;
  /** 1 or 2. */
  roundNumber: number;
  /** 'YYYY-MM-DDTHH:MM:SSZ' */
  endedAtUtc: string;
  /** The server's local time from the file name, 'YYYY-MM-DDTHH:MM:SS'. */
  endedAtLocal: string;
  sessionId: number | null;
  /** 1 axis, 2 allies, 3 spectator, 0 free. */
  team: number;
  /** Counted in every total: time played above 0 and the round is not an orphan R2 (spec §9). */
  inTotals: boolean;
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
  /** The round's best killing spree (spec §3 field 10). */
  killingSpree: number;
  deathSpree: number;
  killAssists: number;
  timesRevived: number;
  /** Null in eras without the field. */
  revivesGiven: number | null;
}

export interface PlayerRoundsOptions {
  /** Only rounds in this window (default all time). */
  window?: TimeWindow;
  /** Also rows no total counts (no time played, orphan R2); default false. */
  includeUncounted?: boolean;
  /** Only rounds of these gaming sessions (`ofPlayers`; see `sessionsWithAll`). */
  sessionIds?: readonly number[];
}

/** Row fields read as numbers: [field, player_rounds column]. */
const NUMBERS = [
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
  ['timesRevived', 'times_revived'],
] as const satisfies readonly (readonly [keyof PlayerRoundRow, string])[];

const SELECT = `SELECT pr.guid, p.name, pr.clean_name, pr.round_id, r.file_name, r.server_id, r.map, r.round_number,
       r.ended_at_utc, r.ended_at_local, r.session_id, pr.team, pr.in_totals, pr.revives_given,
       ${NUMBERS.map(([, column]) => `pr.${column}`).join(', ')}
  FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid`;

/** Where a page of rounds ends: the order of `timeOrder`, then the id. */
interface RoundKey {
  endedAtUtc: string;
  fileName: string;
  id: number;
}

interface Page {
  rows: PlayerRoundRow[];
  last: RoundKey;
}

/** Under both engines' limits on parameters in one statement. */
const CHUNK = 5000;
const ROUNDS_PER_PAGE = 500;

/**
 * Per-round player rows, in time order: the round's end (UTC), then its file name, then the GUID
 * (both bytewise, the same on SQLite and PostgreSQL). For plugins that compute something of their
 * own over rounds (streaks, records) and keep it in their tables. Not cached, unlike the other
 * query services: a plugin reads these rows once per change, and a cached answer could predate
 * the round its `round.imported` handler is told about.
 */
export class PlayerRoundsService {
  constructor(private readonly db: Database) {}

  /** Every round of these players (rows that count in totals unless told otherwise). */
  async ofPlayers(guids: readonly string[], options: PlayerRoundsOptions = {}): Promise<PlayerRoundRow[]> {
    if (options.sessionIds) {
      const sessions = [...new Set(options.sessionIds)];
      if (sessions.length === 0) return [];
      const players = [...new Set(guids)];
      // By session: a few sessions of players with thousands of rounds (a head-to-head).
      return this.chunked(sessions, (chunk, sql) => {
        const w = windowCondition(options.window ?? ALL_TIME);
        return sql.all(`${SELECT} WHERE r.session_id IN ${Sql.list(chunk)} AND pr.guid IN ${Sql.list(players)}${counted(options)}${w.sql} ${timeOrder(sql)}`, [
          ...chunk,
          ...players,
          ...w.params,
        ]);
      });
    }
    return this.chunked([...new Set(guids)], (chunk, sql) => {
      const w = windowCondition(options.window ?? ALL_TIME);
      return sql.all(`${SELECT} WHERE pr.guid IN ${Sql.list(chunk)}${counted(options)}${w.sql} ${timeOrder(sql)}`, [...chunk, ...w.params]);
    });
  }

  /** The gaming sessions in which every one of these players has a row that counts, oldest first. */
  async sessionsWithAll(guids: readonly string[]): Promise<number[]> {
    const players = [...new Set(guids)];
    if (players.length === 0) return [];
    const rows = await this.db.read((sql) =>
      sql.all(
        `SELECT r.session_id FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id
          WHERE pr.guid IN ${Sql.list(players)} AND pr.in_totals = TRUE AND r.session_id IS NOT NULL
          GROUP BY r.session_id HAVING COUNT(DISTINCT pr.guid) = ? ORDER BY r.session_id`,
        [...players, players.length],
      ),
    );
    return rows.map((r) => num(r.session_id));
  }

  /** Every player row of these rounds (rows that count in totals unless told otherwise). */
  async ofRounds(roundIds: readonly number[], options: Omit<PlayerRoundsOptions, 'window'> = {}): Promise<PlayerRoundRow[]> {
    return this.chunked([...new Set(roundIds)], (chunk, sql) =>
      sql.all(`${SELECT} WHERE pr.round_id IN ${Sql.list(chunk)}${counted(options)} ${timeOrder(sql)}`, chunk),
    );
  }

  /**
   * Every row, oldest round first, read a page of rounds at a time (so a plugin can rebuild its
   * table without holding every row, and on SQLite other reads get their turn between pages).
   * Rounds imported while it runs appear if they sort after the page being read.
   */
  async *eachInTimeOrder(options: PlayerRoundsOptions & { roundsPerPage?: number } = {}): AsyncGenerator<PlayerRoundRow> {
    const perPage = Math.max(1, options.roundsPerPage ?? ROUNDS_PER_PAGE);
    let after: RoundKey | null = null;
    for (;;) {
      const page: Page | null = await this.page(after, perPage, options);
      if (!page) return;
      yield* page.rows;
      after = page.last;
    }
  }

  /** The rows of the `perPage` rounds after `after` (from the first round when null). */
  private page(after: RoundKey | null, perPage: number, options: PlayerRoundsOptions): Promise<Page | null> {
    const w = windowCondition(options.window ?? ALL_TIME);
    return this.db.read(async (sql) => {
      const rounds = await sql.all(
        `SELECT r.id, r.ended_at_utc, r.file_name FROM rounds r WHERE 1 = 1${w.sql}${after ? afterRound(sql) : ''}
          ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}, r.id LIMIT ?`,
        [...w.params, ...(after ? [after.endedAtUtc, after.endedAtUtc, after.fileName, after.fileName, after.id] : []), perPage],
      );
      if (rounds.length === 0) return null;
      const ids = rounds.map((r) => num(r.id));
      const rows = await sql.all(`${SELECT} WHERE pr.round_id IN ${Sql.list(ids)}${counted(options)} ${timeOrder(sql)}`, ids);
      const last = rounds[rounds.length - 1]!;
      return { rows: rows.map(toRow), last: { endedAtUtc: String(last.ended_at_utc), fileName: String(last.file_name), id: num(last.id) } };
    });
  }

  /** Runs `query` per chunk of keys; one chunk keeps the database's order, several are merged. */
  private async chunked<K extends SqlValue>(keys: K[], query: (chunk: K[], sql: Sql) => Promise<Record<string, unknown>[]>): Promise<PlayerRoundRow[]> {
    if (keys.length === 0) return [];
    const rows = await this.db.read(async (sql) => {
      const all: Record<string, unknown>[] = [];
      for (let i = 0; i < keys.length; i += CHUNK) all.push(...(await query(keys.slice(i, i + CHUNK), sql)));
      return all;
    });
    const result = rows.map(toRow);
    return keys.length > CHUNK ? result.sort(compareTimeOrder) : result;
  }
}

function counted(options: PlayerRoundsOptions): string {
  return options.includeUncounted ? '' : ' AND pr.in_totals = TRUE';
}

function timeOrder(sql: Sql): string {
  return `ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}, ${sql.bytewise('pr.guid')}`;
}

/** Rounds after the last one of the previous page, in the order of `timeOrder`. */
function afterRound(sql: Sql): string {
  return ` AND (r.ended_at_utc > ? OR (r.ended_at_utc = ? AND (${sql.bytewise('r.file_name')} > ? OR (r.file_name = ? AND r.id > ?))))`;
}

/** The order of `timeOrder`, for rows merged from several statements. */
function compareTimeOrder(a: PlayerRoundRow, b: PlayerRoundRow): number {
  if (a.endedAtUtc !== b.endedAtUtc) return a.endedAtUtc < b.endedAtUtc ? -1 : 1;
  return Buffer.compare(Buffer.from(a.fileName), Buffer.from(b.fileName)) || Buffer.compare(Buffer.from(a.guid), Buffer.from(b.guid));
}

function toRow(r: Record<string, unknown>): PlayerRoundRow {
  const row = {
    guid: String(r.guid),
    name: String(r.name),
    nameInRound: String(r.clean_name),
    roundId: num(r.round_id),
    fileName: String(r.file_name),
    serverId: String(r.server_id),
    map: String(r.map),
    roundNumber: num(r.round_number),
    endedAtUtc: String(r.ended_at_utc),
    endedAtLocal: String(r.ended_at_local),
    sessionId: num(r.session_id, true),
    team: num(r.team),
    inTotals: bool(r.in_totals),
    revivesGiven: num(r.revives_given, true),
  } as PlayerRoundRow;
  for (const [field, column] of NUMBERS) row[field] = num(r[column]);
  return row;
}
