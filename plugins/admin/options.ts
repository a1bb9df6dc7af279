import { z } from 'etbot/plugin-api';

/** The admin plugin's options in plugins.json (all optional). */
export const adminOptionsSchema = z
  .object({
    /** Health check of the database and collectors. */
    healthEvery: z.string().min(1).default('5m'),
    /** Failed health checks in a row (per component) before an alert goes to the admin channel. */
    healthFailureThreshold: z.number().int().min(1).max(100).default(3),
    /** Database maintenance (VACUUM / PRAGMA optimize + SQLite backup). */
    maintenanceEvery: z.string().min(1).default('24h'),
    /** SQLite backups kept in <dataDir>/backups. */
    keepBackups: z.number().int().min(1).max(1000).default(7),
    /** The metrics log line (imports, rejects, commands, latency, errors). */
    metricsEvery: z.string().min(1).default('1h'),
    /** Rows per page of `!rejected` and `!audit`. */
    pageSize: z.number().int().min(1).max(25).default(10),
  })
  .strict();

export type AdminOptions = z.infer<typeof adminOptionsSchema>;
