import { createServiceToken } from '../plugin-api/services';
import type { CollectorManager } from './collector-manager';

export const CollectorServices = {
  /** The configured collectors: start/stop and their state for `!status`. */
  Manager: createServiceToken<CollectorManager>('collectors'),
} as const;
