import { z } from 'etbot/plugin-api';

/** The plugin's `options` in plugins.json. */
export const streaksOptions = z
  .object({
    /** A round extends a run when the player's K/D in it is at least this (K/D = kills when no deaths). */
    minKd: z.number().min(0).max(100).default(1),
    /** How often the whole table is recomputed and players with no counted round are pruned. */
    recomputeEvery: z
      .string()
      .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30m, 1h or 24h')
      .default('1h'),
  })
  .strict();

export type StreaksOptions = z.infer<typeof streaksOptions>;
