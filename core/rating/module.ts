import { instanceCachingFactory } from 'tsyringe';
import type { CoreModule, ModuleContext } from '../app/module';
import type { Database } from '../data/database';
import { DataServices } from '../data/tokens';
import { RatingService } from './rating-service';
import { RatingServices } from './tokens';

/**
 * The `rating` core slice: registers the RatingService (created on first use, so the database
 * module only has to be somewhere in the app). The rating plugin switches it on and feeds it
 * `round.imported`; other plugins (leaderboards) read from it.
 */
export function ratingModule(options: { debounceMs?: number } = {}): CoreModule {
  return {
    name: 'rating',
    register(ctx: ModuleContext) {
      ctx.container.register(RatingServices.Rating.id, {
        useFactory: instanceCachingFactory(
          (r) => new RatingService(r.resolve<Database>(DataServices.Database.id), { ...options, logger: ctx.logger.child({ component: 'rating' }) }),
        ),
      });
    },
  };
}
