import type { ChartService, SessionRoundStatsService } from 'etbot/plugin-api';
import type { SessionReport } from '../summary/types';
import { buildTimeline, type TimelineData } from './timeline-data';
import { TIMELINE_SIZE, timelineOption } from './timeline-option';

export interface TimelineDeps {
  stats: SessionRoundStatsService;
  charts: () => ChartService | undefined;
}

/** Each player's DPM and K/D round by round through a session, as data and as an image. */
export class TimelineService {
  constructor(private readonly deps: TimelineDeps) {}

  async data(report: SessionReport): Promise<TimelineData> {
    const team = new Map(report.players.map((p) => [p.guid, p.team]));
    return buildTimeline(await this.deps.stats.ofSession(report.sessionId), (guid) => team.get(guid) ?? null);
  }

  /** The 1600 x 1000 PNG; `highlightGuid` (the caller's linked player) is drawn in white. */
  async render(report: SessionReport, highlightGuid: string | null = null): Promise<Buffer> {
    const charts = this.deps.charts();
    if (!charts) throw new Error('charts are not available: the charts module is not loaded');
    const data = await this.data(report);
    const title = `Session #${report.number} · ${report.date} · DPM and K/D round by round`;
    return charts.renderOption(timelineOption({ data, title, highlightGuid }), TIMELINE_SIZE, {
      cacheKey: `timeline:${report.version}:${highlightGuid ?? ''}`,
    });
  }
}
