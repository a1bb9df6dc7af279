import type { CoreModule, ModuleContext } from '../app/module';
import { HostServices } from '../app/tokens';
import type { EventBus } from '../events/event-bus';
import type { Disposable } from '../plugin-api/disposable';
import { QueryCache } from './query-cache';
import { RedisInvalidation } from './redis-invalidation';
import { CacheServices } from './tokens';

/**
 * The `cache` core slice: one QueryCache from `config.cache`, emptied on every `round.imported`
 * so the next answer includes the new round.
 *
 * With `cache.redisUrl` / REDIS_URL set, several bot instances on one database keep their caches
 * coherent: an invalidation on one empties the others' (RedisInvalidation).
 */
export function cacheModule(): CoreModule {
  let subscription: Disposable | undefined;
  let cache: QueryCache | undefined;
  let redis: RedisInvalidation | undefined;
  return {
    name: 'cache',
    register(ctx: ModuleContext) {
      cache = new QueryCache({ maxEntries: ctx.config.cache.maxEntries, ttlSeconds: ctx.config.cache.ttlSeconds });
      ctx.container.register(CacheServices.QueryCache.id, { useValue: cache });
    },
    async start(ctx: ModuleContext) {
      const redisUrl = ctx.config.cache.redisUrl ?? ctx.secrets.redisUrl;
      if (redisUrl && cache)
        redis = await RedisInvalidation.connect(redisUrl, cache, ctx.logger.child({ component: 'cache' }), ctx.config.cache.redisNamespace);
      const events = ctx.container.resolve<EventBus>(HostServices.Events.id);
      const round = events.on('round.imported', () => cache?.invalidate(), 'cache');
      const identities = events.on('identities.changed', () => cache?.invalidate(), 'cache');
      subscription = { dispose: () => (round.dispose(), identities.dispose()) };
    },
    async stop() {
      await redis?.close();
      redis = undefined;
      subscription?.dispose();
      subscription = undefined;
      cache?.invalidate();
    },
  };
}
