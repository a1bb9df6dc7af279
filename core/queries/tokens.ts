import { createServiceToken } from '../plugin-api/services';
import type { DataStatusService } from './data-status';
import type { LeaderboardService } from './leaderboards';
import type { PlayerLookupService } from './player-lookup';
import type { PlayerStatsService } from './player-stats';
import type { PlayerResolver } from './resolve-player';
import type { SessionService } from './sessions';
import type { SessionReplyExtensions } from './session-extensions';
import type { PlayerRoundsService } from './player-rounds';

/** Typed tokens of the read side. Every service caches through CacheServices.QueryCache. */
export const QueryServices = {
  /** Find a player by GUID, name, alias or part of a name. */
  Players: createServiceToken<PlayerLookupService>('queries.players'),
  /** A command's optional player argument: name, @mention, or the caller's link. */
  PlayerResolver: createServiceToken<PlayerResolver>('queries.player-resolver'),
  /** One player's totals, weapons, maps, names. */
  PlayerStats: createServiceToken<PlayerStatsService>('queries.player-stats'),
  Leaderboards: createServiceToken<LeaderboardService>('queries.leaderboards'),
  Sessions: createServiceToken<SessionService>('queries.sessions'),
  /** Where another plugin adds files (graphs) to `!session`'s reply. */
  SessionReplyExtensions: createServiceToken<SessionReplyExtensions>('queries.session-reply-extensions'),
  /** "No rounds imported yet." check. */
  DataStatus: createServiceToken<DataStatusService>('queries.data-status'),
  // --- Player rounds (issue 17: for plugins that compute their own results over rounds) ---
  /** Per-round player rows of given players or rounds, or all of them, in time order (not cached). */
  PlayerRounds: createServiceToken<PlayerRoundsService>('queries.player-rounds'),
} as const;
