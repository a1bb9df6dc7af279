import { createHash } from 'node:crypto';
import type { ChartService, SessionRoundStatsService } from 'etbot/plugin-api';
import { buildTimeline, type TimelineData } from './timeline-data';
import { TIMELINE_SIZE, timelineOption } from './timeline-option';

export interface TimelineDeps {
  stats: SessionRoundStatsService;
  charts: () => ChartService | undefined;
}

/** Each player's DPM and K/D round by round through a session, as data and as an image. */
export class TimelineService {
  constructor(private readonly deps: TimelineDeps) {}

  async data(sessionId: number): Promise<TimelineData> {
    return buildTimeline(await this.deps.stats.ofSession(sessionId));
  }

  /** The 1400 x 900 PNG, or null when there is no such session; `highlightGuid` (the caller's linked player) is drawn in white. */
  async render(sessionId: number, highlightGuid: string | null = null): Promise<Buffer | null> {
    const charts = this.deps.charts();
    if (!charts) throw new Error('charts are not available: the charts module is not loaded');
    const [header, data] = await Promise.all([this.deps.stats.header(sessionId), this.data(sessionId)]);
    if (!header) return null;
    const title = `Session #${header.number} · ${header.startLocal.slice(0, 10)} · DPM and K/D round by round`;
    // Keyed by what is drawn, so a re-imported round draws a new image.
    const key = createHash('sha1')
      .update(JSON.stringify([title, highlightGuid, data]))
      .digest('hex');
    return charts.renderOption(timelineOption({ data, title, highlightGuid }), TIMELINE_SIZE, { cacheKey: `last-session-timeline:${key}` });
  }
}
