import fs from 'node:fs';
import path from 'node:path';
import { announcementsModule, AnnouncementServices, LogAnnouncementSink, type Announcements } from '../../core/announcements';
import type { App } from '../../core/app/app';
import type { Database } from '../../core/data/database';
import type { Importer } from '../../core/ingest/importer';
import { silentLogger } from '../../core/logging/create-logger';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { Clock } from '../../core/scheduler/clock';
import { sessionSummaryModule, SessionSummaryServices, type SessionSummaryService } from '../../core/session-summary';
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
 * bus, cache, queries, charts) plus the announcements and session-summary modules, with an empty
 * database: tests import what they need, when they need it.
 */
export async function startSummaryBot(database: TestDatabase | TestDatabaseKind, options: SummaryBotOptions = {}): Promise<SummaryBot> {
  const bot = await createFixtureBot({
    database,
    plugins: options.plugins ?? ['last-session'],
    importPaths: [],
    clock: options.clock,
    overrides: options.overrides,
    modules: [announcementsModule(), sessionSummaryModule()],
  });
  const posts = new LogAnnouncementSink(silentLogger(), 1000);
  bot.app.container.resolve<Announcements>(AnnouncementServices.Announcements.id).attach(posts);
  return {
    app: bot.app,
    db: bot.db,
    importer: bot.importer,
    summary: bot.app.container.resolve<SessionSummaryService>(SessionSummaryServices.SessionSummary.id),
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
