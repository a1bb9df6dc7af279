import type { Logger } from '../logging/logger';

export interface JobContext {
  logger: Logger;
  /** When this run was due. */
  scheduledAt: Date;
}

export interface JobDefinition {
  /** Unique within the plugin. */
  name: string;
  /** Either an interval in milliseconds or a duration such as `30s`, `5m`, `1h`, `24h`... */
  every?: number | string;
  /** ...or a cron expression (5 or 6 fields). */
  cron?: string;
  /** Run once right away as well. Default false. */
  runOnStart?: boolean;
  run(ctx: JobContext): void | Promise<void>;
}
