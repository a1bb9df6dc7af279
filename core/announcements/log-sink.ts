import type { Logger } from '../logging/logger';
import type { Reply } from '../plugin-api/reply';
import type { AnnouncementSink } from './announcements';

export interface LoggedAnnouncement {
  channelId: string;
  reply: Reply;
}

/**
 * Fallback sink when Discord is off: logs what would have been posted (titles and text only,
 * never file contents) and keeps the most recent posts for `etbot status`-style inspection.
 */
export class LogAnnouncementSink implements AnnouncementSink {
  private readonly recent: LoggedAnnouncement[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private total = 0;

  constructor(
    private readonly logger: Logger,
    private readonly keep = 50,
  ) {}

  async post(channelId: string, reply: Reply): Promise<void> {
    this.recent.push({ channelId, reply });
    if (this.recent.length > this.keep) this.recent.shift();
    this.total++;
    const titles = (reply.embeds ?? []).map((e) => e.title).filter((t) => t !== undefined);
    this.logger.info(
      { channelId, titles, text: reply.text, files: (reply.files ?? []).map((f) => f.name) },
      `announcement for channel ${channelId}: ${titles[0] ?? reply.text ?? '(no title)'}`,
    );
    for (const w of [...this.waiters]) {
      if (this.total >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Posts so far, oldest first (at most `keep`). */
  get posts(): readonly LoggedAnnouncement[] {
    return this.recent;
  }

  /** Number of posts since start. */
  get count(): number {
    return this.total;
  }

  /** Resolves once `count` posts have been made in all. */
  waitForCount(count: number): Promise<void> {
    if (this.total >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
