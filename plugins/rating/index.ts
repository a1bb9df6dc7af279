import { definePlugin, QueryServices, RatingServices } from 'etbot/plugin-api';
import { ratingMigrations } from './data/migrations';
import { ratingEntities } from './data/entities';
import { balanceCommand } from './balance-command';
import { ratingCommand } from './rating-command';
import { RatingService } from './rating-service';

export default definePlugin({
  manifest: {
    id: 'rating',
    version: '1.2.0',
    apiVersion: '^2.0.0',
    description: '!rating and !balance: a Bayesian (Weng-Lin) team rating from stopwatch map results',
  },
  requires: [QueryServices.MatchResults, QueryServices.PlayerResolver, QueryServices.Players, QueryServices.Bots],
  entities: ratingEntities,
  migrations: ratingMigrations,
  register(api) {
    const rating = new RatingService(api.services.get(QueryServices.MatchResults), api.storage, {
      logger: api.logger,
      includeBots: api.services.get(QueryServices.Bots).includeBots,
    });
    rating.activate();
    api.onDispose(() => rating.deactivate());
    api.on('round.imported', (event) => rating.noteImported(event));
    api.on('identities.changed', () => rating.noteIdentitiesChanged());
    // `!top rating` (leaderboards) and other plugins read the rating through this.
    api.provide(RatingServices.Rating, rating);
    api.command(ratingCommand(rating, api.services.get(QueryServices.PlayerResolver)));
    api.command(balanceCommand(rating, api.services.get(QueryServices.Players)));
  },
});
