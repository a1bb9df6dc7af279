import { z } from 'etbot/plugin-api';

export const recordsOptionsSchema = z
  .object({
    /**
     * Rounds that ended longer ago than this set no "new record" (a backfill stays quiet), the
     * announcer's `maxAgeHours` rule.
     */
    liveMaxAgeHours: z.number().min(0).default(6),
    /** How often the book checks for rounds another process imported (`etbot import`). */
    syncEvery: z
      .string()
      .regex(/^\d+(ms|s|m|h|d)$/)
      .default('10m'),
  })
  .strict();

export type RecordsOptions = z.infer<typeof recordsOptionsSchema>;
