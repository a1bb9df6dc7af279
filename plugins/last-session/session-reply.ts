import type { Embed, Reply, ReplyAction } from 'etbot/plugin-api';
import { sessionMapsEmbed, sessionOverviewEmbed, sessionTopEmbed, sessionWeaponsEmbed } from './summary/format';
import type { SessionSummaryService } from './summary/session-summary-service';
import type { SessionReport } from './summary/types';
import type { TimelineService } from './timeline/timeline-service';

/** Name of the attached six-graph image; the overview embed shows it. */
export const SESSION_IMAGE_NAME = 'last-session.png';
export const TIMELINE_IMAGE_NAME = 'last-session-timeline.png';

/** The timeline `graphs` adds; the caller's player when linked. */
export interface SessionStory {
  timeline: TimelineService;
  highlightGuid: string | null;
}

/** `!why session <number>`: the MVP and every map result of the session shown (the why plugin answers it). */
function whySessionAction(report: SessionReport): ReplyAction {
  return { label: 'Why?', command: `why session ${report.number}` };
}

/** The reply for one view of a session (`!last_session`'s choices; anything else: the overview). */
export async function sessionReply(
  summary: SessionSummaryService,
  report: SessionReport,
  view: string,
  esc: (s: string) => string,
  prefix: string,
  logger?: { warn(obj: object, msg: string): void },
  story?: SessionStory,
): Promise<Reply> {
  switch (view) {
    case 'maps':
      return { embeds: [sessionMapsEmbed(report, esc)], actions: [whySessionAction(report)] };
    case 'weapons':
      return { embeds: [sessionWeaponsEmbed(report, esc)] };
    case 'top':
      return { embeds: [sessionTopEmbed(report, esc)] };
    case 'graphs': {
      const image = await summary.renderReportImage(report);
      const files = [{ name: SESSION_IMAGE_NAME, data: image, description: `Six graphs of session #${report.number}` }];
      const timeline = story ? await story.timeline.render(report.sessionId, story.highlightGuid) : null;
      if (timeline) {
        files.push({ name: TIMELINE_IMAGE_NAME, data: timeline, description: `DPM and K/D round by round, session #${report.number}` });
      }
      return { files };
    }
    default: {
      let image: Buffer | null = null;
      try {
        image = await summary.renderReportImage(report);
      } catch (err) {
        // The overview still answers when the graphs cannot be drawn (queue full, charts off).
        logger?.warn({ err }, 'last_session: the six-graph image could not be rendered');
      }
      const embed: Embed = sessionOverviewEmbed(report, esc, { image: image ? SESSION_IMAGE_NAME : undefined, prefix, title: `Last session · ${report.date}` });
      const actions = [whySessionAction(report)];
      return image
        ? { embeds: [embed], files: [{ name: SESSION_IMAGE_NAME, data: image, description: `Six graphs of session #${report.number}` }], actions }
        : { embeds: [embed], actions };
    }
  }
}
