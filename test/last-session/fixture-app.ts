import fs from 'node:fs';
import path from 'node:path';
import { announcementsModule, AnnouncementServices, LogAnnouncementSink, type Announcements } from '../../core/announcements';
import type { App } from '../../core/app/app';
import type { Database } from '../../core/data/database';
import type { Importer } from '../../core/ingest/importer';
import { silentLogger } from '../../core/logging/create-logger';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { QueryCache } from '../../core/cache/query-cache';
import { CacheServices } from '../../core/cache/tokens';
import type { ChartService } from '../../core/charts/chart-service';
import { ChartServices } from '../../core/charts/tokens';
import type { SessionRowsService } from '../../core/queries/session-rows';
import { QueryServices } from '../../core/queries/tokens';
import type { Clock } from '../../core/scheduler/clock';
import { SessionSummaryService } from '../../plugins/last-session/summary/session-summary-service';
import type { TestDatabase, TestDatabaseKind } from '../support/databases';
import { createFixtureBot, FIXTURES_DIR } from '../support/fixture-bot';

export const FIXTURES = FIXTURES_DIR;

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export interface Truth {
  players: Record<string, unknown>[];
  rounds: { file: string; map: string; round: number; endedAt: string; status: string; session: number | null; players: number }[];
  sessions: { index: number; start: string; end: string; rounds: number; maps: number }[];
}

export function readTruth(): Truth {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as Truth;
}

export interface SummaryBot {
  app: App;
  db: Database;
  importer: Importer;
  /** A summary service like the last-session plugin's own (same rows, cache and charts). */
  summary: SessionSummaryService;
  /** A log sink attached to Announcements (as the Discord transport attaches its own): what was posted. */
  posts: LogAnnouncementSink;
  /** Imports fixture files by name, one by one, in the order given. */
  importFiles(files: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

export interface SummaryBotOptions {
  plugins?: PluginEntry[];
  clock?: Clock;
  overrides?: Record<string, unknown>;
}

/**
 * The shared fixture bot (test/support/fixture-bot.ts: real database, importer on the app's event
 * bus, cache, queries, charts) plus the announcements module, with an empty database: tests
 * import what they need, when they need it.
 */
export async function startSummaryBot(database: TestDatabase | TestDatabaseKind, options: SummaryBotOptions = {}): Promise<SummaryBot> {
  const bot = await createFixtureBot({
    database,
    plugins: options.plugins ?? ['last-session'],
    importPaths: [],
    clock: options.clock,
    overrides: options.overrides,
    modules: [announcementsModule()],
  });
  const posts = new LogAnnouncementSink(silentLogger(), 1000);
  bot.app.container.resolve<Announcements>(AnnouncementServices.Announcements.id).attach(posts);
  return {
    app: bot.app,
    db: bot.db,
    importer: bot.importer,
    summary: new SessionSummaryService({
      rows: bot.app.container.resolve<SessionRowsService>(QueryServices.SessionRows.id),
      cache: bot.app.container.resolve<QueryCache>(CacheServices.QueryCache.id),
      charts: () => bot.app.container.resolve<ChartService>(ChartServices.Charts.id),
    }),
    posts,
    async importFiles(files) {
      for (const f of files) {
        const outcome = await bot.importer.importFile(path.join(FIXTURES, f), { source: 'test' });
        if (outcome.status !== 'imported' && outcome.status !== 'duplicate') throw new Error(`${f}: ${outcome.status} ${outcome.reason ?? ''}`);
      }
    },
    stop: () => bot.stop(),
  };
}
