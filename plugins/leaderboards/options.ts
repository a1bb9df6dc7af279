import { findLeaderboardStat, LEADERBOARD_STATS, z } from 'etbot/plugin-api';

export const leaderboardsOptions = z
  .object({
    /** Minimum rounds to be ranked, per stat key (`{ "kd": 20 }`); others keep their defaults. */
    minRounds: z.record(z.string(), z.number().int().min(1)).default({}),
    pageSize: z.number().int().min(1).max(25).default(10),
  })
  .strict()
  .refine((o) => Object.keys(o.minRounds).every((k) => findLeaderboardStat(k) !== undefined), {
    message: `minRounds keys must be stats: ${LEADERBOARD_STATS.map((s) => s.key).join(', ')}`,
  });

export type LeaderboardsOptions = z.infer<typeof leaderboardsOptions>;
