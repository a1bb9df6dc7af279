import { definePlugin, QueryServices } from 'etbot/plugin-api';
import { statsCommand } from './stats-command';

export default definePlugin({
  manifest: {
    id: 'stats',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: "!stats: a player's totals",
  },
  requires: [QueryServices.PlayerResolver, QueryServices.PlayerStats, QueryServices.Bots],
  register(api) {
    api.command(
      statsCommand(api.services.get(QueryServices.PlayerResolver), api.services.get(QueryServices.PlayerStats), api.services.get(QueryServices.Bots)),
    );
  },
});
