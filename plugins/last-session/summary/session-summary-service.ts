import type { ChartService, QueryCache, SessionRowsService } from 'etbot/plugin-api';
import { buildRoundReport, buildSessionReport } from './build-reports';
import { sessionChartData } from './chart-data';
import type { RoundReport, SessionReport } from './types';

export interface SessionSummaryDeps {
  rows: SessionRowsService;
  /** Shared read cache (emptied on every import); without it every call builds the summary again. */
  cache?: QueryCache | null;
  /** Resolved on first image render, so the summary works without the charts module. */
  charts?: () => ChartService | undefined;
}

/**
 * Everything about one gaming session (spec §5, §6, §9), built from its stored rows (one read of
 * the session, its rounds with their matches' scores, its counted player rows, its teams, and kills
 * by weapon). Also the latest round's summary and the six-graph image.
 */
export class SessionSummaryService {
  constructor(private readonly deps: SessionSummaryDeps) {}

  /** The most recent session (by last round's end), or null on an empty database. */
  async last(): Promise<SessionReport | null> {
    const id = await this.deps.rows.lastSessionId();
    return id === null ? null : this.byId(id);
  }

  /** The n-th most recent session: 1 = the last one, 2 = the one before... */
  async byIndex(n: number): Promise<SessionReport | null> {
    const id = await this.deps.rows.sessionIdByIndex(n);
    return id === null ? null : this.byId(id);
  }

  /** By number: 1 = the first session ever (the numbering `!sessions` shows). */
  async byNumber(number: number): Promise<SessionReport | null> {
    const id = await this.deps.rows.sessionIdByNumber(number);
    return id === null ? null : this.byId(id);
  }

  /** The first session that started on a local date `YYYY-MM-DD` (see `idsOnDate` for all of them). */
  async byDate(date: string): Promise<SessionReport | null> {
    const [id] = await this.idsOnDate(date);
    return id === undefined ? null : this.byId(id);
  }

  /** Ids of the sessions that started on a local date, oldest first. */
  idsOnDate(date: string): Promise<number[]> {
    return this.deps.rows.sessionIdsOnDate(date);
  }

  byId(sessionId: number): Promise<SessionReport | null> {
    return this.cached(`session:${sessionId}`, async () => {
      const rows = await this.deps.rows.session(sessionId);
      return rows ? buildSessionReport(rows) : null;
    });
  }

  /** The latest round (any server), or null on an empty database. */
  async lastRound(): Promise<RoundReport | null> {
    const id = await this.deps.rows.lastRoundId();
    return id === null ? null : this.round(id);
  }

  /** One round's summary: outcome, players by kills, MVP, and the map result after an R2. */
  round(roundId: number): Promise<RoundReport | null> {
    return this.cached(`round:${roundId}`, async () => {
      const rows = await this.deps.rows.round(roundId);
      return rows ? buildRoundReport(rows) : null;
    });
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
    const charts = this.deps.charts?.();
    if (!charts) throw new Error('charts are not available: the charts module is not loaded');
    return charts.renderSessionImage(sessionChartData(report), { cacheKey: `session-summary:${report.version}` });
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.deps.cache ? this.deps.cache.wrap(`session-summary:${key}`, load) : load();
  }
}
