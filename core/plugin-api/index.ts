export * from './commands';
export * from './disposable';
export * from './events';
export * from './jobs';
export * from './plugin';
export * from './reply';
export * from './services';
export * from './version';
export type { Logger } from '../logging/logger';

// ---------------------------------------------------------------------------------------------
// The public SDK surface (`import ... from 'etbot/plugin-api'`): core service tokens with their
// types, helpers plugins need, and the host's own zod and TypeORM so a plugin's schemas and
// entities use the same instances as the bot. See PLUGINS.md for the reference.
export { z } from 'zod';
export { Entity, Column, PrimaryColumn, PrimaryGeneratedColumn, Index, Table, TableColumn, TableIndex } from 'typeorm';
export type { MigrationInterface, QueryRunner, Repository, DataSource } from 'typeorm';
export { escapeName } from '../transports/discord/escape';

export { CoreServices } from '../app/tokens';
export type { EtbotConfig } from '../config/schema';
export type { Clock } from '../scheduler/clock';
export { DataServices } from '../data/tokens';
export type { Database } from '../data/database';
export { Sql, num, bool, type DatabaseKind, type SqlValue } from '../data/sql';
export { QueryServices } from '../queries/tokens';
export type { PlayerLookupService } from '../queries/player-lookup';
export type { PlayerStatsService } from '../queries/player-stats';
export type { LeaderboardService, Leaderboard, LeaderboardEntry, LeaderboardOptions } from '../queries/leaderboards';
export type { SessionService, SessionSummary, SessionDetail } from '../queries/sessions';
export type { PlayerResolver, ResolvedPlayer } from '../queries/resolve-player';
export type { DataStatusService } from '../queries/data-status';
export type { PlayerRef, PlayerLookup, PlayerSummary, PlayerProfile, WeaponTotals, MapTotals } from '../queries/types';
export type { Totals } from '../queries/totals';
export { kdRatio, percent, perMinute } from '../queries/ratios';
export { nameFormatter, playerProblemReply, formatDuration, formatRatio, formatPercent, formatLocalTime } from '../queries/format';
export { CacheServices } from '../cache/tokens';
export type { QueryCache } from '../cache/query-cache';
export { ChartServices } from '../charts/tokens';
export type { ChartService } from '../charts/chart-service';
export { LinkServices } from '../links/tokens';
export type { LinkService } from '../links/link-service';
export { SessionSummaryServices } from '../session-summary/tokens';
export type { SessionSummaryService } from '../session-summary/session-summary-service';
export { AnnouncementServices } from '../announcements/tokens';
export type { Announcements } from '../announcements/announcements';
