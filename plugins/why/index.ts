import { definePlugin, LastSessionServices, QueryServices } from 'etbot/plugin-api';
import { whyCommand } from './why-command';

export default definePlugin({
  manifest: {
    id: 'why',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!why: the files, header fields and rule behind a map result, the MVP, a session, and the sums behind a !stats number',
    optionalDependsOn: ['last-session'],
  },
  requires: [
    QueryServices.RoundLookup,
    QueryServices.RoundValues,
    QueryServices.SessionRows,
    QueryServices.PlayerResolver,
    QueryServices.PlayerStats,
    QueryServices.DataStatus,
  ],
  register(api) {
    api.command(
      whyCommand({
        lookup: api.services.get(QueryServices.RoundLookup),
        values: api.services.get(QueryServices.RoundValues),
        sessionRows: api.services.get(QueryServices.SessionRows),
        resolver: api.services.get(QueryServices.PlayerResolver),
        playerStats: api.services.get(QueryServices.PlayerStats),
        status: api.services.get(QueryServices.DataStatus),
        summary: api.services.getOptional(LastSessionServices.SessionSummary),
      }),
    );
  },
});
