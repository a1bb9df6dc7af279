import { createServiceToken } from '../plugin-api/services';
import type { ChartService } from './chart-service';

export const ChartServices = {
  Charts: createServiceToken<ChartService>('charts'),
} as const;
