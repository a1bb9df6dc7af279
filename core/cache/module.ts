import type { CoreModule, ModuleContext } from '../app/module';
import { CoreServices } from '../app/tokens';
import type { EventBus } from '../events/event-bus';
import type { Disposable } from '../plugin-api/disposable';
import { QueryCache } from './query-cache';
import { CacheServices } from './tokens';

/**
 * The `cache` core slice: one QueryCache from `config.cache`, emptied on every `round.imported`
 * so the next answer includes the new round.
 *
 * Extension point: several bot instances would share answers (and invalidations) through Redis
 * (`cache.redisUrl` / REDIS_URL). That is not built: with a Redis URL set the module logs that it
 * keeps using the in-process cache. A Redis version would implement `wrap`/`invalidate`/`stats`
 * with the same semantics and publish invalidations on a channel.
 */
export function cacheModule(): CoreModule {
  let subscription: Disposable | undefined;
  let cache: QueryCache | undefined;
  return {
    name: 'cache',
    register(ctx: ModuleContext) {
      cache = new QueryCache({ maxEntries: ctx.config.cache.maxEntries, ttlSeconds: ctx.config.cache.ttlSeconds });
      ctx.container.register(CacheServices.QueryCache.id, { useValue: cache });
      if (ctx.config.cache.redisUrl || ctx.secrets.redisUrl) {
        ctx.logger.warn('cache: Redis is not supported yet; using the in-process cache');
      }
    },
    start(ctx: ModuleContext) {
      const events = ctx.container.resolve<EventBus>(CoreServices.Events.id);
      subscription = events.on('round.imported', () => cache?.invalidate(), 'cache');
    },
    stop() {
      subscription?.dispose();
      subscription = undefined;
      cache?.invalidate();
    },
  };
}
