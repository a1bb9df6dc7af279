import { CoreServices, definePlugin, PLUGIN_API_VERSION, QueryServices } from 'etbot/plugin-api';
import { StreaksTable1765100000000 } from './migrations/1765100000000-streaks-table';
import { streaksOptions } from './options';
import { PlayerStreak } from './player-streak';
import { streaksCommand } from './streaks-command';
import { StreakStore } from './streak-store';

// A plugin may add its own events to the bus (declaration merging on the public API).
declare module 'etbot/plugin-api' {
  interface EventMap {
    /** The streaks of these players were recomputed. */
    'streaks.updated': { guids: string[]; reason: 'round' | 'recompute' };
  }
}

/**
 * An example community plugin, enabled by path in plugins.json: `!streaks [player]`, an hourly
 * recompute job, a `round.imported` handler, and a table of its own. It reads core data only
 * through the query services and writes only its own table. See PLUGINS.md.
 */
export default definePlugin({
  manifest: {
    id: 'streaks',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!streaks: runs of rounds with K/D of at least 1, best killing spree',
  },
  configSchema: streaksOptions,
  requires: [QueryServices.PlayerRounds, QueryServices.PlayerResolver, CoreServices.Clock],
  entities: [PlayerStreak],
  migrations: [StreaksTable1765100000000],
  register(api) {
    const clock = api.services.get(CoreServices.Clock);
    const store = new StreakStore(api.storage, api.services.get(QueryServices.PlayerRounds), api.options.minKd, () => clock.now());
    api.logger.debug(`streaks plugin for plugin API ${PLUGIN_API_VERSION}, minKd ${api.options.minKd}`);

    api.command(streaksCommand(store, api.services.get(QueryServices.PlayerResolver), api.options.minKd));

    api.on('round.imported', async (event) => {
      const guids = await store.recomputeRounds([event.roundId, ...event.rederivedRoundIds]);
      await api.emit('streaks.updated', { guids, reason: 'round' });
    });

    api.job({
      name: 'recompute',
      every: api.options.recomputeEvery,
      runOnStart: true,
      async run(ctx) {
        const players = await store.recomputeAll();
        ctx.logger.info({ players }, `streaks recomputed for ${players} players`);
        await api.emit('streaks.updated', { guids: [], reason: 'recompute' });
      },
    });
  },
});
