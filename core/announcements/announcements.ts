import type { Disposable } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';
import type { Reply } from '../plugin-api/reply';

/**
 * Somewhere a plugin can post a message without a command to answer (round results, session
 * summaries). The Discord transport implements it for channels; without Discord, a log sink.
 */
export interface AnnouncementSink {
  /** Posts `reply` (text, embeds, files) to a channel. Rejects when it could not be posted. */
  post(channelId: string, reply: Reply): Promise<void>;
}

/**
 * The `Announcements` service: posts through the attached sink (the Discord transport attaches
 * one while its bot is online) or, when none is attached, through the fallback (the log).
 * The last attached sink wins; disposing it falls back to the one before.
 */
export class Announcements implements AnnouncementSink {
  private readonly sinks: AnnouncementSink[] = [];

  constructor(private readonly fallback: AnnouncementSink) {}

  /** Routes posts to `sink` until the returned disposable is disposed. */
  attach(sink: AnnouncementSink): Disposable {
    this.sinks.push(sink);
    return toDisposable(() => {
      const i = this.sinks.lastIndexOf(sink);
      if (i >= 0) this.sinks.splice(i, 1);
    });
  }

  /** True while a real sink (not the fallback) is attached. */
  get online(): boolean {
    return this.sinks.length > 0;
  }

  post(channelId: string, reply: Reply): Promise<void> {
    const sink = this.sinks[this.sinks.length - 1] ?? this.fallback;
    return sink.post(channelId, reply);
  }
}
