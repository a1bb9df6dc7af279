import { createServiceToken } from '../plugin-api/services';
import type { QueryCache } from './query-cache';

export const CacheServices = {
  /** The read cache (`wrap(key, loader)`, `invalidate()`, `stats()` for `!status`). */
  QueryCache: createServiceToken<QueryCache>('query-cache'),
} as const;
