export * from './types';
export { QueryServices } from './tokens';
export { queriesModule } from './module';
export { PlayerLookupService } from './player-lookup';
export { PlayerStatsService } from './player-stats';
export { LeaderboardService, type Leaderboard, type LeaderboardEntry, type LeaderboardOptions, type PlayerTotalsRow } from './leaderboards';
export { LEADERBOARD_STATS, findLeaderboardStat, type LeaderboardStat, type LeaderboardStatKey } from './leaderboard-stats';
export {
  SessionService,
  type SessionSummary,
  type SessionDetail,
  type SessionMatch,
  type SessionPlayer,
  type SessionRound,
  type SessionTeam,
} from './sessions';
export { DataStatusService, NO_ROUNDS_MESSAGE } from './data-status';
export { PlayerResolver, type ResolvedPlayer } from './resolve-player';
export { type Totals } from './totals';
export { kdRatio, percent, perMinute, ratio2 } from './ratios';
export { ALL_TIME, parseTimeWindow, lastDays, monthWindow, describeWindow, windowKey, type TimeWindow } from './time-window';
export { escapeLike, containsPattern } from './like';
export * from './format';
// --- last-session (issue 17): the rows of a session summary. ---
export {
  SessionRowsService,
  type SessionRows,
  type RoundRows,
  type SessionInfoRow,
  type SessionRoundRow,
  type SessionPlayerRow,
  type SessionTeamMemberRow,
  type SessionWeaponKillsRow,
} from './session-rows';
