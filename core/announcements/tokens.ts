import { createServiceToken } from '../plugin-api/services';
import type { Announcements } from './announcements';

export const AnnouncementServices = {
  /** `post(channelId, reply)`; the Discord transport `attach()`es its sink while online. */
  Announcements: createServiceToken<Announcements>('announcements'),
} as const;
