import type { EscapeText, Reply } from 'etbot/plugin-api';
import { TIMELINE_IMAGE_NAME } from './session-reply';
import type { TimelineService } from './timeline/timeline-service';
import type { SessionViews } from './views/session-views';
import { STAT_VIEWS, type StatViewKey } from './views/stat-views';

/** `!last_session`'s views read from the session's rows alone (no summary): the five stat pages and the timeline. */
export function isStoryView(view: string): boolean {
  return view === 'timeline' || view in STAT_VIEWS;
}

/** The reply, or null when there is no such session. */
export async function storyReply(
  deps: { views: SessionViews; timeline: TimelineService },
  sessionId: number,
  view: string,
  esc: EscapeText,
  highlightGuid: string | null,
): Promise<Reply | null> {
  if (view !== 'timeline') {
    const embed = await deps.views.embed(sessionId, view as StatViewKey, esc);
    return embed ? { embeds: [embed] } : null;
  }
  const image = await deps.timeline.render(sessionId, highlightGuid);
  return image ? { files: [{ name: TIMELINE_IMAGE_NAME, data: image, description: 'DPM and K/D round by round' }] } : null;
}
