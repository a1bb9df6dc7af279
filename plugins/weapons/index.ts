import { definePlugin, QueryServices } from 'etbot/plugin-api';
import { weaponsCommand } from './weapons-command';

export default definePlugin({
  manifest: {
    id: 'weapons',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!weapons: per-weapon stats',
  },
  requires: [QueryServices.PlayerResolver, QueryServices.PlayerStats],
  register(api) {
    api.command(weaponsCommand(api.services.get(QueryServices.PlayerResolver), api.services.get(QueryServices.PlayerStats)));
  },
});
