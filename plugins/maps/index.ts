import { definePlugin, QueryServices } from 'etbot/plugin-api';
import { mapsCommand } from './maps-command';

export default definePlugin({
  manifest: {
    id: 'maps',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!maps: per-map stats',
  },
  requires: [QueryServices.PlayerResolver, QueryServices.PlayerStats],
  register(api) {
    api.command(mapsCommand(api.services.get(QueryServices.PlayerResolver), api.services.get(QueryServices.PlayerStats)));
  },
});
