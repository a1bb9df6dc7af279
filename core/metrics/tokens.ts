import { createServiceToken } from '../plugin-api/services';
import type { OpsMetrics } from './ops-metrics';

export const MetricsServices = {
  /** Counts of imports, rejects, commands, errors and reply latency percentiles. */
  Metrics: createServiceToken<OpsMetrics>('ops-metrics'),
} as const;
