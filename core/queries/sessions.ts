import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { num, Sql, type SqlValue } from '../data/sql';
import { byName } from './player-lookup';
import { kdRatio, perMinute } from './ratios';
import { BotRule } from './bots';
import type { PlayerRef } from './types';

export type SessionTeam = 'A' | 'B';

export interface SessionSummary {
  id: number;
  /** 1 = the first session ever, in start order (stable when rounds are re-imported). */
  number: number;
  serverId: string;
  /** Server local time of the first and last round's end (spec §9). */
  start: string;
  end: string;
  durationSeconds: number;
  /** Accepted round files, orphans included. */
  rounds: number;
  /** Paired matches. */
  maps: number;
  /** R1 files without their R2 (the map was left after R1). */
  mapsLeftAfterR1: number;
  /** Orphan R2 files (their R1 missing). */
  orphanR2s: number;
  /** Maps in the order they were first played. */
  mapNames: string[];
  /** Players with a counted round in the session. */
  playerCount: number;
  /** Sum of the known map scores per persistent team; null when no map has a known score. */
  score: { A: number; B: number } | null;
}

export interface SessionMatch {
  matchId: number;
  map: string;
  endedAt: string;
  /** Team that attacked in R1; null when nobody of a known team played it. */
  r1Attackers: SessionTeam | null;
  score: { A: number; B: number } | null;
}

export interface SessionPlayer {
  player: PlayerRef;
  team: SessionTeam | null;
  rounds: number;
  kills: number;
  deaths: number;
  kd: number;
  damageGiven: number;
  timePlayedSeconds: number;
  dpm: number | null;
}

export interface SessionRound {
  roundId: number;
  map: string;
  roundNumber: number;
  endedAt: string;
  orphan: boolean;
  attackersSucceeded: boolean | null;
}

export interface SessionDetail extends SessionSummary {
  matches: SessionMatch[];
  players: SessionPlayer[];
  roundList: SessionRound[];
}

interface SessionRow {
  id: number;
  number: number;
  server_id: string;
  start_local: string;
  end_local: string;
  round_count: number;
  map_count: number;
}

const NUMBERED = `SELECT s.id, s.server_id, s.start_local, s.end_local, s.start_utc, s.end_utc, s.round_count, s.map_count,
  ROW_NUMBER() OVER (ORDER BY s.start_utc, s.id) AS number FROM gaming_sessions s`;

/** Gaming sessions (spec §6): lists, one in detail, the last. */
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
    private readonly bots: BotRule = new BotRule(),
  ) {}

  /** Sessions that started in a month (server local time), oldest first. */
  listMonth(year: number, month: number): Promise<SessionSummary[]> {
    const from = `${year}-${String(month).padStart(2, '0')}`;
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    return this.cache.wrap(`sessions:month:${from}`, () =>
      this.db.read((sql) => this.summaries(sql, 'WHERE n.start_local >= ? AND n.start_local < ?', [from, next])),
    );
  }

  /** The most recent months that have sessions, newest first ('YYYY-MM'). */
  months(limit = 24): Promise<string[]> {
    return this.cache.wrap(`sessions:months:${limit}`, () =>
      this.db.read(async (sql) => {
        const rows = await sql.all<{ start_local: string }>('SELECT start_local FROM gaming_sessions');
        const set = new Set(rows.map((r) => r.start_local.slice(0, 7)));
        return [...set].sort().reverse().slice(0, limit);
      }),
    );
  }

  last(): Promise<SessionDetail | null> {
    return this.cache.wrap('sessions:last', async () => {
      const id = await this.db.read(async (sql) => {
        const row = await sql.one<{ id: number }>('SELECT id FROM gaming_sessions ORDER BY end_utc DESC, id DESC LIMIT 1');
        return row ? num(row.id) : null;
      });
      return id === null ? null : this.detail(id);
    });
  }

  /** By number (1 = first session ever). */
  byNumber(number: number): Promise<SessionDetail | null> {
    return this.cache.wrap(`sessions:number:${number}`, async () => {
      const id = await this.db.read(async (sql) => {
        const row = await sql.one<{ id: number }>(`SELECT n.id FROM (${NUMBERED}) n WHERE n.number = ?`, [number]);
        return row ? num(row.id) : null;
      });
      return id === null ? null : this.detail(id);
    });
  }

  /** Sessions that started on a local date ('YYYY-MM-DD'), oldest first. */
  onDate(date: string): Promise<SessionSummary[]> {
    return this.cache.wrap(`sessions:date:${date}`, () =>
      this.db.read((sql) => this.summaries(sql, 'WHERE n.start_local >= ? AND n.start_local < ?', [date, `${date}T99`])),
    );
  }

  detail(id: number): Promise<SessionDetail | null> {
    return this.cache.wrap(`sessions:detail:${id}`, () =>
      this.db.read(async (sql) => {
        const [summary] = await this.summaries(sql, 'WHERE n.id = ?', [id]);
        if (!summary) return null;
        const matches = await this.matches(sql, [id]);
        const rounds = await sql.all(
          `SELECT id, map, round_number, ended_at_local, status, attackers_succeeded FROM rounds
            WHERE session_id = ? ORDER BY ended_at_utc, file_name`,
          [id],
        );
        const players = await sql.all(
          `SELECT pr.guid, p.name, stm.team, COUNT(*) AS rounds, SUM(pr.kills) AS kills, SUM(pr.deaths) AS deaths,
                  SUM(pr.damage_given) AS damage_given, SUM(pr.time_played_seconds) AS seconds
             FROM player_rounds pr
             JOIN rounds r ON r.id = pr.round_id
             JOIN players p ON p.guid = pr.guid
             LEFT JOIN session_team_members stm ON stm.session_id = r.session_id AND stm.guid = pr.guid
            WHERE r.session_id = ? AND pr.in_totals = TRUE
            GROUP BY pr.guid, p.name, stm.team`,
          [id],
        );
        return {
          ...summary,
          matches: matches.get(id) ?? [],
          roundList: rounds.map((r) => ({
            roundId: num(r.id),
            map: String(r.map),
            roundNumber: num(r.round_number),
            endedAt: String(r.ended_at_local),
            orphan: r.status === 'orphan',
            attackersSucceeded: r.attackers_succeeded === null ? null : r.attackers_succeeded === true || r.attackers_succeeded === 1,
          })),
          players: players
            .filter((r) => !this.bots.leftOut({ guid: String(r.guid), name: String(r.name) }))
            .map((r): SessionPlayer => {
              const kills = num(r.kills);
              const deaths = num(r.deaths);
              const damageGiven = num(r.damage_given);
              const seconds = num(r.seconds);
              return {
                player: { guid: String(r.guid), name: String(r.name) },
                team: (r.team as SessionTeam | null) ?? null,
                rounds: num(r.rounds),
                kills,
                deaths,
                kd: kdRatio(kills, deaths),
                damageGiven,
                timePlayedSeconds: seconds,
                dpm: perMinute(damageGiven, seconds),
              };
            })
            .sort((a, b) => (a.team ?? 'Z').localeCompare(b.team ?? 'Z') || b.kills - a.kills || byName(a.player, b.player)),
        };
      }),
    );
  }

  private async summaries(sql: Sql, where: string, params: SqlValue[]): Promise<SessionSummary[]> {
    const rows = await sql.all<SessionRow & Record<string, unknown>>(`SELECT n.* FROM (${NUMBERED}) n ${where} ORDER BY n.start_utc, n.id`, params);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => num(r.id));
    const rounds = await sql.all<{ session_id: number; map: string; round_number: number; status: string; paired_round_id: number | null }>(
      `SELECT session_id, map, round_number, status, paired_round_id FROM rounds WHERE session_id IN ${Sql.list(ids)} ORDER BY ended_at_utc, file_name`,
      ids,
    );
    const players = await sql.all<{ session_id: number; guid: string; name: string }>(
      `SELECT DISTINCT r.session_id, pr.guid, p.name FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid
        WHERE r.session_id IN ${Sql.list(ids)} AND pr.in_totals = TRUE`,
      ids,
    );
    // The count matches the list `detail` shows: bots left out unless players.includeBots.
    const playerCounts = new Map<number, number>();
    for (const p of players) {
      if (this.bots.leftOut({ guid: String(p.guid), name: String(p.name) })) continue;
      playerCounts.set(num(p.session_id), (playerCounts.get(num(p.session_id)) ?? 0) + 1);
    }
    const matches = await this.matches(sql, ids);
    return rows.map((row) => {
      const id = num(row.id);
      const mapNames: string[] = [];
      let mapsLeftAfterR1 = 0;
      let orphanR2s = 0;
      for (const r of rounds) {
        if (num(r.session_id) !== id) continue;
        if (!mapNames.includes(r.map)) mapNames.push(r.map);
        if (num(r.round_number) === 1 && r.paired_round_id === null) mapsLeftAfterR1++;
        if (r.status === 'orphan') orphanR2s++;
      }
      const known = (matches.get(id) ?? []).filter((m) => m.score !== null);
      return {
        id,
        number: num(row.number),
        serverId: row.server_id,
        start: row.start_local,
        end: row.end_local,
        durationSeconds: secondsBetween(row.start_local, row.end_local),
        rounds: num(row.round_count),
        maps: num(row.map_count),
        mapsLeftAfterR1,
        orphanR2s,
        mapNames,
        playerCount: playerCounts.get(id) ?? 0,
        score: known.length === 0 ? null : known.reduce((s, m) => ({ A: s.A + m.score!.A, B: s.B + m.score!.B }), { A: 0, B: 0 }),
      };
    });
  }

  /**
   * Matches of the sessions with their score per persistent team: the team most of R1's attackers
   * belong to gets the R1 attackers' points (spec §6: teams swap sides, a team is a set of GUIDs).
   */
  private async matches(sql: Sql, sessionIds: number[]): Promise<Map<number, SessionMatch[]>> {
    const result = new Map<number, SessionMatch[]>();
    if (sessionIds.length === 0) return result;
    const list = Sql.list(sessionIds);
    const matches = await sql.all(
      `SELECT m.id, m.map, m.ended_at_utc, m.score_r1_attackers, m.score_r2_attackers, r1.id AS r1_id, r1.session_id,
              r1.defender_team, r2.ended_at_local AS ended_local
         FROM matches m JOIN rounds r1 ON r1.id = m.r1_round_id JOIN rounds r2 ON r2.id = m.r2_round_id
        WHERE r1.session_id IN ${list}
        ORDER BY m.ended_at_utc, m.id`,
      sessionIds,
    );
    const sides = await sql.all(
      `SELECT pr.round_id, pr.team AS side, stm.team AS team, COUNT(*) AS n
         FROM player_rounds pr
         JOIN rounds r ON r.id = pr.round_id
         JOIN session_team_members stm ON stm.session_id = r.session_id AND stm.guid = pr.guid
        WHERE r.session_id IN ${list} AND r.round_number = 1 AND pr.counted = TRUE
        GROUP BY pr.round_id, pr.team, stm.team`,
      sessionIds,
    );
    for (const m of matches) {
      const r1Id = num(m.r1_id);
      const attackerSide = num(m.defender_team) === 1 ? 2 : 1;
      let a = 0;
      let b = 0;
      for (const s of sides) {
        if (num(s.round_id) !== r1Id || num(s.side) !== attackerSide) continue;
        if (s.team === 'A') a += num(s.n);
        else b += num(s.n);
      }
      const r1Attackers: SessionTeam | null = a === 0 && b === 0 ? null : a >= b ? 'A' : 'B';
      const s1 = num(m.score_r1_attackers, true);
      const s2 = num(m.score_r2_attackers, true);
      const score = s1 === null || s2 === null || r1Attackers === null ? null : r1Attackers === 'A' ? { A: s1, B: s2 } : { A: s2, B: s1 };
      const sessionId = num(m.session_id);
      const list2 = result.get(sessionId) ?? [];
      list2.push({ matchId: num(m.id), map: String(m.map), endedAt: String(m.ended_local), r1Attackers, score });
      result.set(sessionId, list2);
    }
    return result;
  }
}

/** Seconds between two local 'YYYY-MM-DDTHH:MM:SS' times (read as UTC: only the difference counts). */
function secondsBetween(start: string, end: string): number {
  return Math.max(0, Math.round((Date.parse(`${end}Z`) - Date.parse(`${start}Z`)) / 1000));
}
