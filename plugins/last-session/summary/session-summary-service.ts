import type { QueryCache } from '../cache/query-cache';
import type { ChartService } from '../charts/chart-service';
import type { Database } from '../data/database';
import { num, type Sql } from '../data/sql';
import { buildMaps, mapResult, attackingTeam, roundOutcome, other, type TeamOf } from './build-maps';
import { roundLines, sumPlayers, weaponTable } from './build-players';
import { pickMvp } from './mvp';
import { playersOfRounds, playersOfSession, roundsById, roundsOfSession, teamMembers, weaponKills } from './rows';
import { sessionChartData } from './chart-data';
import type { RoundReport, SessionReport, SessionTeam, TeamId } from './types';

export interface SessionSummaryDeps {
  db: Database;
  /** Shared read cache (emptied on every import); without it every call reads the database. */
  cache?: QueryCache | null;
  /** Resolved on first image render, so the summary works without the charts module. */
  charts?: () => ChartService;
}

const NUMBERED = `SELECT s.id, s.server_id, s.start_local, s.end_local, s.start_utc, s.end_utc, s.round_count, s.map_count,
  ROW_NUMBER() OVER (ORDER BY s.start_utc, s.id) AS number FROM gaming_sessions s`;

/**
 * Everything about one gaming session (spec §5, §6, §9) in six queries inside one read: the
 * session, its rounds with their matches' scores, its counted player rows, its teams, and kills by
 * weapon. Also the latest round's summary and the six-graph image.
 */
export class SessionSummaryService {
  constructor(private readonly deps: SessionSummaryDeps) {}

  /** The most recent session (by last round's end), or null on an empty database. */
  async last(): Promise<SessionReport | null> {
    const id = await this.cached('last-id', () =>
      this.deps.db.read(async (sql) => num((await sql.one('SELECT id FROM gaming_sessions ORDER BY end_utc DESC, id DESC LIMIT 1'))?.id, true)),
    );
    return id === null ? null : this.byId(id);
  }

  /** The n-th most recent session: 1 = the last one, 2 = the one before... */
  async byIndex(n: number): Promise<SessionReport | null> {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`session index must be 1 or more, got ${n}`);
    const id = await this.cached(`index-id:${n}`, () =>
      this.deps.db.read(async (sql) =>
        num((await sql.one('SELECT id FROM gaming_sessions ORDER BY end_utc DESC, id DESC LIMIT 1 OFFSET ?', [n - 1]))?.id, true),
      ),
    );
    return id === null ? null : this.byId(id);
  }

  /** By number: 1 = the first session ever (the numbering `!sessions` shows). */
  async byNumber(number: number): Promise<SessionReport | null> {
    const id = await this.cached(`number-id:${number}`, () =>
      this.deps.db.read(async (sql) => num((await sql.one(`SELECT n.id FROM (${NUMBERED}) n WHERE n.number = ?`, [number]))?.id, true)),
    );
    return id === null ? null : this.byId(id);
  }

  /** The first session that started on a local date `YYYY-MM-DD` (see `idsOnDate` for all of them). */
  async byDate(date: string): Promise<SessionReport | null> {
    const [id] = await this.idsOnDate(date);
    return id === undefined ? null : this.byId(id);
  }

  /** Ids of the sessions that started on a local date, oldest first. */
  idsOnDate(date: string): Promise<number[]> {
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) throw new RangeError(`date must be YYYY-MM-DD, got '${date}'`);
    return this.cached(`date-ids:${date}`, () =>
      this.deps.db.read(async (sql) => {
        const rows = await sql.all(
          'SELECT id FROM gaming_sessions WHERE start_local >= ? AND start_local < ? ORDER BY start_utc, id',
          [`${date}T00:00:00`, `${date}T99`],
        );
        return rows.map((r) => num(r.id));
      }),
    );
  }

  byId(sessionId: number): Promise<SessionReport | null> {
    return this.cached(`session:${sessionId}`, () => this.deps.db.read((sql) => this.load(sql, sessionId)));
  }

  /** The latest round (any server), or null on an empty database. */
  async lastRound(): Promise<RoundReport | null> {
    const id = await this.cached('last-round-id', () =>
      this.deps.db.read(async (sql) =>
        num((await sql.one(`SELECT id FROM rounds ORDER BY ended_at_utc DESC, ${sql.bytewise('file_name')} DESC LIMIT 1`))?.id, true),
      ),
    );
    return id === null ? null : this.round(id);
  }

  /** One round's summary: outcome, players by kills, MVP, and the map result after an R2. */
  round(roundId: number): Promise<RoundReport | null> {
    return this.cached(`round:${roundId}`, () => this.deps.db.read((sql) => this.loadRound(sql, roundId)));
  }

  /**
   * The six-graph PNG (1800 x 1500) of a session, or null when there is no such session. The
   * `!session` command and the announcer show the same image through this.
   */
  async renderImage(sessionId: number): Promise<Buffer | null> {
    const report = await this.byId(sessionId);
    return report ? this.renderReportImage(report) : null;
  }

  /** The image of a report already loaded (saves the read). */
  renderReportImage(report: SessionReport): Promise<Buffer> {
    if (!this.deps.charts) throw new Error('charts are not available: the charts module is not loaded');
    return this.deps.charts().renderSessionImage(sessionChartData(report), { cacheKey: `session-summary:${report.version}` });
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.deps.cache ? this.deps.cache.wrap(`session-summary:${key}`, load) : load();
  }

  private async load(sql: Sql, sessionId: number): Promise<SessionReport | null> {
    const session = await sql.one(`SELECT n.* FROM (${NUMBERED}) n WHERE n.id = ?`, [sessionId]);
    if (!session) return null;
    const rounds = await roundsOfSession(sql, sessionId);
    const rows = await playersOfSession(sql, sessionId);
    const members = await teamMembers(sql, sessionId);
    const weapons = await weaponKills(sql, sessionId);

    const teamOf: TeamOf = (guid) => members.get(guid)?.team ?? null;
    const maps = buildMaps(rounds, rows, teamOf);
    const players = sumPlayers(rows, teamOf);
    const score = { A: 0, B: 0, draws: 0, unknown: 0 };
    for (const m of maps) {
      if (m.incomplete) continue;
      if (m.winner === 'draw') score.draws++;
      else if (m.winner) score[m.winner]++;
      else score.unknown++;
    }
    const team = (id: TeamId): SessionTeam => ({
      id,
      members: [...members]
        .filter(([, m]) => m.team === id)
        .map(([guid, m]) => ({ guid, name: m.name }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      mapsWon: score[id],
    });
    const names = new Map(players.map((p) => [p.guid, p.name]));
    const start = String(session.start_local);
    const end = String(session.end_local);
    const last = rounds[rounds.length - 1];
    return {
      sessionId,
      number: num(session.number),
      serverId: String(session.server_id),
      serverName: last?.serverName ?? String(session.server_id),
      date: start.slice(0, 10),
      start,
      end,
      startUtc: String(session.start_utc),
      endUtc: String(session.end_utc),
      durationSeconds: Math.max(0, Math.round((Date.parse(`${end}Z`) - Date.parse(`${start}Z`)) / 1000)),
      roundCount: num(session.round_count),
      mapCount: num(session.map_count),
      maps,
      teams: [team('A'), team('B')],
      score,
      players,
      weapons: weaponTable(weapons, names),
      mvp: pickMvp(players),
      version: `${sessionId}:${String(session.end_utc)}:${rounds.map((r) => `${r.id}${r.orphan ? 'o' : ''}`).join(',')}`,
    };
  }

  private async loadRound(sql: Sql, roundId: number): Promise<RoundReport | null> {
    const [round] = await roundsById(sql, [roundId]);
    if (!round) return null;
    const partner = round.pairedRoundId === null ? undefined : (await roundsById(sql, [round.pairedRoundId]))[0];
    const ids = partner ? [round.id, partner.id] : [round.id];
    const rows = await playersOfRounds(sql, ids);
    const members = round.sessionId === null ? new Map() : await teamMembers(sql, round.sessionId);
    const teamOf: TeamOf = (guid) => members.get(guid)?.team ?? null;

    let attackers = attackingTeam(round, rows, teamOf);
    if (attackers === null && partner) {
      const partnerAttackers = attackingTeam(partner, rows, teamOf);
      attackers = partnerAttackers === null ? null : other(partnerAttackers);
    }
    const players = roundLines(rows, round.id, teamOf);
    const isPairedR2 = round.roundNumber === 2 && partner !== undefined;
    return {
      roundId: round.id,
      sessionId: round.sessionId,
      serverId: round.serverId,
      map: round.map,
      roundNumber: round.roundNumber,
      endedAt: round.endedAtLocal,
      endedAtUtc: round.endedAtUtc,
      fileName: round.fileName,
      contentHash: round.contentHash,
      orphan: round.orphan,
      outcome: roundOutcome(round, attackers),
      players,
      mvp: pickMvp(players),
      mapResult: isPairedR2 ? mapResult(1, partner, round, rows, teamOf) : null,
    };
  }
}
