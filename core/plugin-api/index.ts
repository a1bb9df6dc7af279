// The public plugin API (`import ... from 'etbot/plugin-api'`), version PLUGIN_API_VERSION.
// Everything a plugin, built-in or community, may use of etbot is exported here and nowhere else;
// lint refuses any other import of this repository from plugins/. PLUGINS.md is the reference.
import { DataServices } from '../data/tokens';
import { IngestServices } from '../ingest/tokens';
import { AdminTokens } from './admin';

export * from './commands';
export * from './core-services';
export * from './disposable';
export * from './events';
export * from './jobs';
export * from './plugin';
export * from './reply';
export * from './services';
export * from './storage';
export * from './version';
export type { Logger } from '../logging/logger';

// The host's own zod and TypeORM, so a plugin's schemas and entities use the same instances as the bot.
export { z } from 'zod';
export { Entity, Column, PrimaryColumn, PrimaryGeneratedColumn, Index, Table, TableColumn, TableIndex } from 'typeorm';
export type { MigrationInterface, QueryRunner, Repository } from 'typeorm';

// Commands: errors a command throws to get the standard replies.
export { UsageError, UserFacingError } from './errors';

// Text helpers.
export { escapeName } from '../text/escape';
export { Sql, num, bool, type DatabaseKind, type SqlValue } from '../data/sql';
export type { EtbotConfig } from '../config/schema';
export type { Clock } from '../scheduler/clock';

// Read side: query services over the core tables (the only way plugins read core data).
export { QueryServices } from '../queries/tokens';
export type { PlayerLookupService } from '../queries/player-lookup';
export type { PlayerStatsService } from '../queries/player-stats';
export type { LeaderboardService, Leaderboard, LeaderboardEntry, LeaderboardOptions } from '../queries/leaderboards';
export { LEADERBOARD_STATS, findLeaderboardStat, type LeaderboardStat, type LeaderboardStatKey } from '../queries/leaderboard-stats';
export type { SessionService, SessionSummary, SessionDetail, SessionMatch, SessionPlayer, SessionRound, SessionTeam } from '../queries/sessions';
export type { PlayerResolver, ResolvedPlayer } from '../queries/resolve-player';
export { NO_ROUNDS_MESSAGE, type DataStatusService } from '../queries/data-status';
export type { PlayerRef, PlayerLookup, PlayerSummary, PlayerProfile, WeaponTotals, MapTotals } from '../queries/types';
export type { Totals } from '../queries/totals';
export { kdRatio, percent, perMinute, ratio2 } from '../queries/ratios';
export { ALL_TIME, parseTimeWindow, lastDays, monthWindow, describeWindow, windowKey, type TimeWindow } from '../queries/time-window';
export * from '../queries/format';
export { resolvePlayerArgument, type PlayerArgument } from '../queries/player-argument';
export { CacheServices } from '../cache/tokens';
export type { QueryCache } from '../cache/query-cache';
export { ChartServices } from '../charts/tokens';
export type { ChartService } from '../charts/chart-service';
export type { SessionPlayerStats, WeaponKills, SessionChartData, RadarPlayerStats, RadarChartData } from '../charts/types';
export { LinkServices } from '../links/tokens';
export type { LinkService } from '../links/link-service';
export { AnnouncementServices } from '../announcements/tokens';
export type { Announcements, AnnouncementSink } from '../announcements/announcements';
export { MetricsServices } from '../metrics/tokens';

// Operating the bot (the admin plugin): narrow services, never the host's own objects.
export * from './admin';
export type { DatabaseAdmin, DatabaseCheck } from '../data/database-admin';
export type { ImportsService } from '../ingest/imports-service';
export { ReimportError } from '../ingest/imports-service';
export type { ImportSummary } from '../ingest/import-paths';
export type { ImportOutcome } from '../ingest/importer';
export type { RegroupReport } from '../ingest/regroup-sessions';
export type { IdentitiesService, IdentityChange, IdentityListing } from '../ingest/identities/identities-service';
export { IdentityError } from '../ingest/identities/identities-service';
export type { StatsFilesService, StatsFileCounts, RejectedFile } from '../queries/stats-files';
export type { OpsMetrics, MetricsSnapshot } from '../metrics/ops-metrics';
export const AdminServices = {
  ...AdminTokens,
  Database: DataServices.Admin,
  Imports: IngestServices.Imports,
  Identities: IngestServices.Identities,
} as const;

// --- last-session, sessions (issue 17): session rows; the services these plugins provide. ---
export type {
  SessionRowsService,
  SessionRows,
  RoundRows,
  SessionInfoRow,
  SessionRoundRow,
  SessionPlayerRow,
  SessionTeamMemberRow,
  SessionWeaponKillsRow,
} from '../queries/session-rows';
export * from './provided/session-summary';
export * from './provided/session-extensions';

// --- Rating (issue 17): map results for ratings; the rating plugin's provided service. ---
export type { MatchResultsService, CompletedMap, CountedPlayerRound, ResultPlayer } from '../queries/match-results';
export * from './provided/rating';

// --- Player rounds (issue 17: simple plugins and the streaks example) ---
export type { PlayerRoundsService, PlayerRoundRow, PlayerRoundsOptions } from '../queries/player-rounds';

// --- Awards and records (issue 20): every per-round value, round headers; the awards registry, the records events. ---
export {
  ROUND_VALUE_FIELDS,
  type RoundValuesService,
  type RoundValueRow,
  type RoundValues,
  type RoundValueField,
  type RoundHeaderRow,
  type SessionLabel,
} from '../queries/round-values';
export * from './provided/awards';
export * from './provided/records';

// --- Web (issue 21): the dashboard the web plugin provides; other plugins add routes and pages. ---
export * from './provided/web';
// --- The session story (issue 22): a session's per-round fields; teams and map scores across sessions. ---
export type { SessionRoundStatsService, SessionRoundStatRow, SessionHeaderRow } from '../queries/session-round-stats';
export type { TeamHistoryService, TeamHistory, TeamRosters, TeamHistorySessionRow, TeamHistoryMemberRow, TeamHistoryMapRow } from '../queries/team-history';
// --- Bots out of rankings (issue 19): the one bot rule every query and plugin follows. ---
export { BotRule, DEFAULT_BOT_NAME_PATTERN, type BotCandidate, type BotRuleSettings } from '../queries/bots';

// --- Small lies (issue 19): map counts that add up to the maps listed. ---
export { mapCountText, type MapCounts } from '../queries/map-count-text';
export type { UnrankedCounts } from '../queries/leaderboards';

// --- Why (issue 19): a round by file name or map, for explaining results. ---
export type { RoundLookupService } from '../queries/round-lookup';
