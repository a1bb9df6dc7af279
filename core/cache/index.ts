export { QueryCache, type QueryCacheOptions, type QueryCacheStats } from './query-cache';
export { CacheServices } from './tokens';
export { cacheModule } from './module';
