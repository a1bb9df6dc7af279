import type { CoreModule, ModuleContext } from '../app/module';
import { Announcements } from './announcements';
import { LogAnnouncementSink } from './log-sink';
import { AnnouncementServices } from './tokens';

/**
 * The `announcements` core slice: one Announcements service whose fallback writes to the log.
 * The Discord transport attaches its channel sink when its bot is online.
 */
export function announcementsModule(): CoreModule {
  return {
    name: 'announcements',
    register(ctx: ModuleContext) {
      const fallback = new LogAnnouncementSink(ctx.logger.child({ component: 'announcements' }));
      ctx.container.register(AnnouncementServices.Announcements.id, { useValue: new Announcements(fallback) });
    },
  };
}
