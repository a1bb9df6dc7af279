import { ChartServices, definePlugin, QueryServices } from 'etbot/plugin-api';
import { compareCommand } from './compare-command';

export default definePlugin({
  manifest: {
    id: 'compare',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!compare: two players side by side',
  },
  requires: [QueryServices.PlayerResolver, QueryServices.PlayerStats],
  register(api) {
    api.command(
      compareCommand({
        resolver: api.services.get(QueryServices.PlayerResolver),
        playerStats: api.services.get(QueryServices.PlayerStats),
        // Without the charts module the comparison is still worth answering, without its radar.
        charts: api.services.getOptional(ChartServices.Charts),
      }),
    );
  },
});
