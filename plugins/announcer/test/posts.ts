import { definePlugin, AnnouncementServices, type AnnouncementSink, type Reply } from 'etbot/plugin-api';

export interface Post {
  channelId: string;
  reply: Reply;
}

/** Records what is announced, as the Discord transport would post it (attached while the test plugin is enabled). */
export class RecordedPosts implements AnnouncementSink {
  readonly posts: Post[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  /** A test plugin that routes the bot's announcements here. */
  readonly plugin = definePlugin({
    manifest: { id: 'recorded-posts', version: '1.0.0', apiVersion: '^2.0.0' },
    register: (api) => {
      const attached = api.services.get(AnnouncementServices.Announcements).attach(this);
      api.onDispose(() => attached.dispose());
    },
  });

  async post(channelId: string, reply: Reply): Promise<void> {
    this.posts.push({ channelId, reply });
    for (const w of [...this.waiters]) {
      if (this.posts.length >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  get count(): number {
    return this.posts.length;
  }

  /** Resolves once `count` posts have been made in all. */
  waitForCount(count: number): Promise<void> {
    if (this.posts.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
