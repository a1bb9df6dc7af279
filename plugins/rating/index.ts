import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { DataServices } from '../../core/data/tokens';
import { definePlugin, PLUGIN_API_VERSION } from '../../core/plugin-api';
import { QueryServices } from '../../core/queries';
import { ratingEntities, ratingMigrations, RatingService, RatingServices } from '../../core/rating';
import { balanceCommand } from './balance-command';
import { ratingCommand } from './rating-command';

export default definePlugin({
  manifest: {
    id: 'rating',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!rating and !balance: a Bayesian (Weng-Lin) team rating from stopwatch map results',
  },
  entities: ratingEntities,
  migrations: ratingMigrations,
  register(api) {
    // The core module shares one service with other plugins (!top rating); without it, a private one.
    const rating = api.services.has(RatingServices.Rating)
      ? api.services.get(RatingServices.Rating)
      : new RatingService(api.services.get(DataServices.Database), { logger: api.logger });
    const runner = api.services.get(HostServices.CommandRunner);
    rating.activate();
    api.onDispose(() => rating.deactivate());
    api.on('round.imported', (event) => rating.noteImported(event));
    api.command(ratingCommand(rating, api.services.get(QueryServices.PlayerResolver), () => runner.prefix));
    api.command(balanceCommand(rating, api.services.get(QueryServices.Players)));
  },
});
