import { z } from 'etbot/plugin-api';

export const announcerOptionsSchema = z
  .object({
    /** Channel to post to; default config `discord.announceChannelId`. Without either, the announcer is off. */
    channelId: z.string().regex(/^\d+$/, 'a Discord channel id (digits)').optional(),
    /** Rounds that ended longer ago than this are not announced (a backfill stays quiet). */
    maxAgeHours: z.number().min(0).default(6),
    /** Post the session summary with the six graphs when a session ends. */
    sessionSummary: z.boolean().default(true),
    /** Extra wait after the session gap before the session is called over (files arrive late). */
    graceSeconds: z.number().int().min(0).max(3600).default(60),
  })
  .strict();

export type AnnouncerOptions = z.infer<typeof announcerOptionsSchema>;
