import { findLeaderboardStat, LEADERBOARD_STATS, z } from 'etbot/plugin-api';

export const webOptions = z
  .object({
    /** 127.0.0.1 keeps it local; put a reverse proxy in front to publish it. */
    host: z.string().min(1).default('127.0.0.1'),
    /** 0 picks a free port (tests). */
    port: z.number().int().min(0).max(65535).default(8080),
    /** The path prefix behind a reverse proxy (`/etbot`); '' at the root. */
    basePath: z
      .string()
      .regex(/^(\/[A-Za-z0-9._~-]+)*$/, 'basePath is empty or /segments without a trailing slash')
      .default(''),
    /** Requests per minute per client address, every route together. */
    rateLimitPerMinute: z.number().int().min(1).default(300),
    /** Rows per leaderboard page. */
    pageSize: z.number().int().min(1).max(100).default(25),
    /** Minimum rounds to be ranked, per stat: give the leaderboards plugin's `minRounds` here too, so the boards agree with `!top`. */
    minRounds: z.record(z.string(), z.number().int().min(1)).default({}),
  })
  .strict()
  .refine((o) => Object.keys(o.minRounds).every((k) => findLeaderboardStat(k) !== undefined), {
    message: `minRounds keys must be stats: ${LEADERBOARD_STATS.map((s) => s.key).join(', ')}`,
  });

export type WebOptions = z.infer<typeof webOptions>;
