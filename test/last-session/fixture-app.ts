import fs from 'node:fs';
import path from 'node:path';
import { announcementsModule, AnnouncementServices, LogAnnouncementSink, type Announcements } from '../../core/announcements';
import type { App } from '../../core/app/app';
import type { CoreModule } from '../../core/app/module';
import { CoreServices } from '../../core/app/tokens';
import { cacheModule } from '../../core/cache/module';
import { chartsModule } from '../../core/charts/module';
import type { Database } from '../../core/data/database';
import { DataServices } from '../../core/data/tokens';
import type { EventBus } from '../../core/events/event-bus';
import { Importer } from '../../core/ingest/importer';
import { silentLogger } from '../../core/logging/create-logger';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { Clock } from '../../core/scheduler/clock';
import { sessionSummaryModule, SessionSummaryServices, type SessionSummaryService } from '../../core/session-summary';
import { startTestApp } from '../support/test-app';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures');

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

/**
 * The database and importer as a core module (the data engineer's own module will replace this):
 * the importer emits on the app's event bus, as in the bot.
 */
function databaseModule(db: Database): CoreModule {
  return {
    name: 'test-database',
    register(ctx) {
      const events = ctx.container.resolve<EventBus>(CoreServices.Events.id);
      const settings = { timezone: ctx.config.timezone, ...ctx.config.import };
      ctx.container.register(DataServices.Database.id, { useValue: db });
      ctx.container.register(DataServices.Importer.id, { useValue: new Importer(db, settings, events) });
    },
  };
}

export interface FixtureBot {
  app: App;
  db: Database;
  importer: Importer;
  summary: SessionSummaryService;
  /** The announcements' log sink (Discord is off in these tests), recording what was posted. */
  posts: LogAnnouncementSink;
  importFiles(files: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

export interface FixtureBotOptions {
  plugins?: PluginEntry[];
  clock?: Clock;
  overrides?: Record<string, unknown>;
}

/** An app with the real database, importer, cache, charts, announcements, session summary and plugins. */
export async function startFixtureBot(db: Database, options: FixtureBotOptions = {}): Promise<FixtureBot> {
  const app = await startTestApp({
    modules: [databaseModule(db), cacheModule(), chartsModule(), announcementsModule(), sessionSummaryModule()],
    plugins: options.plugins ?? [{ id: 'last-session', enabled: true, options: {} }],
    clock: options.clock,
    overrides: options.overrides,
  });
  const importer = app.container.resolve<Importer>(DataServices.Importer.id);
  // Discord is off here: a log sink attached the way the Discord transport attaches its own
  // records what would have been posted.
  const posts = new LogAnnouncementSink(silentLogger(), 1000);
  app.container.resolve<Announcements>(AnnouncementServices.Announcements.id).attach(posts);
  return {
    app,
    db,
    importer,
    summary: app.container.resolve<SessionSummaryService>(SessionSummaryServices.SessionSummary.id),
    posts,
    async importFiles(files) {
      for (const f of files) {
        const outcome = await importer.importFile(path.join(FIXTURES, f), { source: 'test' });
        if (outcome.status !== 'imported' && outcome.status !== 'duplicate') throw new Error(`${f}: ${outcome.status} ${outcome.reason ?? ''}`);
      }
    },
    stop: () => app.stop(),
  };
}
