import { CoreServices, definePlugin, QueryServices, RatingServices, z } from 'etbot/plugin-api';
import { leaderboardsOptions, type LeaderboardsOptions } from './options';
import { topCommand } from './top-command';

export default definePlugin<LeaderboardsOptions>({
  manifest: {
    id: 'leaderboards',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    // `!top rating` comes from the rating plugin when it is enabled.
    optionalDependsOn: ['rating'],
    description: '!top: leaderboards by any stat',
  },
  configSchema: leaderboardsOptions as unknown as z.ZodType<LeaderboardsOptions>,
  requires: [QueryServices.Leaderboards, QueryServices.DataStatus, QueryServices.PlayerResolver],
  register(api) {
    api.command(
      topCommand({
        boards: api.services.get(QueryServices.Leaderboards),
        status: api.services.get(QueryServices.DataStatus),
        resolver: api.services.get(QueryServices.PlayerResolver),
        clock: api.services.get(CoreServices.Clock),
        rating: api.services.getOptional(RatingServices.Rating),
        options: api.options,
      }),
    );
  },
});
