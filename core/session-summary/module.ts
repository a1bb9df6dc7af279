import { instanceCachingFactory } from 'tsyringe';
import type { CoreModule, ModuleContext } from '../app/module';
import { CacheServices } from '../cache/tokens';
import type { QueryCache } from '../cache/query-cache';
import type { ChartService } from '../charts/chart-service';
import { ChartServices } from '../charts/tokens';
import type { Database } from '../data/database';
import { DataServices } from '../data/tokens';
import { SessionSummaryService } from './session-summary-service';
import { SessionSummaryServices } from './tokens';

/**
 * The `session-summary` core slice. Needs the database; uses the query cache and the charts when
 * those modules are there (resolved on first use, so module order does not matter).
 */
export function sessionSummaryModule(): CoreModule {
  return {
    name: 'session-summary',
    register(ctx: ModuleContext) {
      ctx.container.register(SessionSummaryServices.SessionSummary.id, {
        useFactory: instanceCachingFactory(
          (c) =>
            new SessionSummaryService({
              db: c.resolve<Database>(DataServices.Database.id),
              cache: c.isRegistered(CacheServices.QueryCache.id, true) ? c.resolve<QueryCache>(CacheServices.QueryCache.id) : null,
              charts: () => c.resolve<ChartService>(ChartServices.Charts.id),
            }),
        ),
      });
    },
  };
}
