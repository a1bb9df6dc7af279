import { createServiceToken } from '../plugin-api/services';
import type { DataStatusService } from './data-status';
import type { LeaderboardService } from './leaderboards';
import type { PlayerLookupService } from './player-lookup';
import type { PlayerStatsService } from './player-stats';
import type { PlayerResolver } from './resolve-player';
import type { SessionService } from './sessions';
import type { StatsFilesService } from './stats-files';
import type { SessionRowsService } from './session-rows';
import type { PlayerRoundsService } from './player-rounds';
import type { MatchResultsService } from './match-results';
import type { RoundValuesService } from './round-values';
import type { BotRule } from './bots';
import type { RoundLookupService } from './round-lookup';

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
  /** "No rounds imported yet." check. */
  DataStatus: createServiceToken<DataStatusService>('queries.data-status'),
  /** Files seen: counts by outcome, the latest import, rejected files and why. */
  StatsFiles: createServiceToken<StatsFilesService>('queries.stats-files'),
  /** Which session is the last / n-th / on a date; one session's or round's rows (rounds, players, teams, weapon kills). */
  SessionRows: createServiceToken<SessionRowsService>('queries.session-rows'),
  /** Completed stopwatch maps in time order, their counted player rows, player names and bot flags. */
  MatchResults: createServiceToken<MatchResultsService>('queries.match-results'),
  /** Per-round player rows of given players or rounds, or all of them, in time order (not cached). */
  PlayerRounds: createServiceToken<PlayerRoundsService>('queries.player-rounds'),
  /** Every per-round value of counted rows (era nulls kept), round headers, a data version: awards and records (not cached). */
  RoundValues: createServiceToken<RoundValuesService>('queries.round-values'),
  // --- The session story (issue 22) ---
  /** A session's counted player rows with every per-round field (null where the era lacks it), in play order. */
  SessionRoundStats: createServiceToken<import('./session-round-stats').SessionRoundStatsService>('queries.session-round-stats'),
  /** Every session's persistent teams and every paired map's score per team. */
  TeamHistory: createServiceToken<import('./team-history').TeamHistoryService>('queries.team-history'),
  /** Who is a bot (OMNIBOT GUIDs, players.botNamePattern) and whether bots are left out (players.includeBots). */
  Bots: createServiceToken<BotRule>('queries.bots'),
  /** A round by its stats file's name, or a map's latest round (`!why`). Not cached. */
  RoundLookup: createServiceToken<RoundLookupService>('queries.round-lookup'),
} as const;
