import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import type { CoreModule, ModuleContext } from '../app/module';
import { CacheServices } from '../cache/tokens';
import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { DataServices } from '../data/tokens';
import { LinkService } from '../links/link-service';
import { LinkServices } from '../links/tokens';
import type { ServiceToken } from '../plugin-api/services';
import { PlayerIndexToken, type PlayerIndex } from '../transports/discord/player-index';
import { DataStatusService } from './data-status';
import { LeaderboardService } from './leaderboards';
import { PlayerLookupService } from './player-lookup';
import { PlayerStatsService } from './player-stats';
import { PlayerResolver } from './resolve-player';
import { SessionService } from './sessions';
import { QueryServices } from './tokens';
import { AllTimeTotals } from './all-time-totals';
import { HostServices } from '../app/tokens';
import { StatsFilesService } from './stats-files';
import type { EventBus } from '../events/event-bus';
import type { Disposable } from '../plugin-api/disposable';
import { SessionRowsService } from './session-rows';
import { MatchResultsService } from './match-results';
// Player rounds (issue 17)
import { PlayerRoundsService } from './player-rounds';
// Awards and records (issue 20)
import { RoundValuesService } from './round-values';
// The session story (issue 22)
import { SessionRoundStatsService } from './session-round-stats';
import { TeamHistoryService } from './team-history';
// Bots out of rankings (issue 19)
import { BotRule } from './bots';
// Why (issue 19)
import { RoundLookupService } from './round-lookup';

/**
 * The `queries` core slice: the read services, the player links, and the player index Discord's
 * autocomplete uses. Needs the `database` and `cache` modules' services (resolved on first use,
 * so the module order only has to put them somewhere in the app).
 */
export function queriesModule(): CoreModule {
  let allTime: AllTimeTotals | undefined;
  let subscription: Disposable | undefined;
  let stopPeerListening: (() => void) | undefined;
  return {
    name: 'queries',
    register(ctx: ModuleContext) {
      const c = ctx.container;
      const db = (r: DependencyContainer) => r.resolve<Database>(DataServices.Database.id);
      const cache = (r: DependencyContainer) => r.resolve<QueryCache>(CacheServices.QueryCache.id);
      const get = <T>(r: DependencyContainer, token: ServiceToken<T>) => r.resolve<T>(token.id);
      const single = <T>(token: ServiceToken<T>, make: (r: DependencyContainer) => T) => c.register(token.id, { useFactory: instanceCachingFactory(make) });

      single(QueryServices.Bots, () => new BotRule(ctx.config.players));
      const bots = (r: DependencyContainer) => get(r, QueryServices.Bots);
      single(QueryServices.Players, (r) => new PlayerLookupService(db(r), cache(r)));
      const totals = (r: DependencyContainer) =>
        (allTime ??= new AllTimeTotals(db(r), (err) => ctx.logger.error({ err }, 'queries: building the all-time totals failed')));
      single(QueryServices.PlayerStats, (r) => new PlayerStatsService(db(r), cache(r), totals(r)));
      single(QueryServices.Leaderboards, (r) => new LeaderboardService(db(r), cache(r), totals(r), bots(r)));
      single(QueryServices.Sessions, (r) => new SessionService(db(r), cache(r), bots(r)));
      single(QueryServices.DataStatus, (r) => new DataStatusService(db(r), cache(r)));
      single(LinkServices.Links, (r) => new LinkService(db(r), cache(r)));
      // admin
      single(QueryServices.StatsFiles, (r) => new StatsFilesService(db(r)));
      single(
        QueryServices.PlayerResolver,
        (r) => new PlayerResolver(get(r, QueryServices.Players), get(r, LinkServices.Links), get(r, QueryServices.DataStatus)),
      );
      if (!c.isRegistered(PlayerIndexToken.id)) {
        single(PlayerIndexToken, (r): PlayerIndex => {
          const players = get(r, QueryServices.Players);
          return {
            suggest: async (prefix, limit) => (await players.suggest(prefix, limit)).map((p) => ({ name: p.name, value: p.guid })),
          };
        });
      }
      // --- last-session (issue 17): the rows of a session summary. ---
      single(QueryServices.SessionRows, (r) => new SessionRowsService(db(r), cache(r), bots(r)));
      // --- Rating (issue 17) ---
      single(QueryServices.MatchResults, (r) => new MatchResultsService(db(r), bots(r)));
      // --- Player rounds (issue 17) ---
      single(QueryServices.PlayerRounds, (r) => new PlayerRoundsService(db(r)));
      // --- Awards and records (issue 20) ---
      single(QueryServices.RoundValues, (r) => new RoundValuesService(db(r)));
      // --- The session story (issue 22) ---
      single(QueryServices.SessionRoundStats, (r) => new SessionRoundStatsService(db(r), cache(r), bots(r)));
      single(QueryServices.TeamHistory, (r) => new TeamHistoryService(db(r), cache(r)));
      // --- Why (issue 19) ---
      single(QueryServices.RoundLookup, (r) => new RoundLookupService(db(r)));
    },
    async start(ctx: ModuleContext) {
      const events = ctx.container.resolve<EventBus>(HostServices.Events.id);
      if (ctx.container.isRegistered(DataServices.Database.id, true)) {
        const database = ctx.container.resolve<Database>(DataServices.Database.id);
        // Reads scan a player's rows spread over a large file: a bigger page cache and memory
        // mapping keep them off the read() syscalls (SQLite's default cache is 2 MB). Both count
        // towards the bot's resident memory, so they stay modest (16 MB cache, 64 MB mapped).
        if (database.kind === 'sqlite') {
          await database.read(async (sql) => {
            await sql.run('PRAGMA cache_size = -16384');
            await sql.run('PRAGMA mmap_size = 67108864');
          });
        }
      }
      // Synchronous: the rounds are queued before any later read can run.
      const round = events.on('round.imported', (payload) => allTime?.roundImported(payload), 'queries');
      // Rows moved between players: the per-player sums start again from the stored rows.
      const identities = events.on(
        'identities.changed',
        () => {
          allTime?.reset();
          if (ctx.mode === 'start') allTime?.warmUp();
        },
        'queries',
      );
      subscription = { dispose: () => (round.dispose(), identities.dispose()) };
      // Another instance imported (news through Redis): its rounds are unknown here, so rebuild the totals.
      if (ctx.container.isRegistered(CacheServices.QueryCache.id, true)) {
        stopPeerListening = ctx.container.resolve<QueryCache>(CacheServices.QueryCache.id).onPeerInvalidate(() => allTime?.reset());
      }
      // The long-running bot builds the all-time totals right away, so the first `!top` does not wait.
      if (ctx.mode === 'start' && ctx.container.isRegistered(DataServices.Database.id, true)) {
        ctx.container.resolve<LeaderboardService>(QueryServices.Leaderboards.id);
        allTime?.warmUp();
      }
    },
    stop() {
      stopPeerListening?.();
      stopPeerListening = undefined;
      subscription?.dispose();
      subscription = undefined;
      allTime?.close();
    },
  };
}
