import os from 'node:os';
import path from 'node:path';
import { App } from '../../core/app/app';
import type { CoreModule, ModuleContext } from '../../core/app/module';
import { HostServices } from '../../core/app/tokens';
import { cacheModule } from '../../core/cache/module';
import { chartsModule } from '../../core/charts/module';
import { loadConfig } from '../../core/config/load-config';
import type { Database } from '../../core/data/database';
import { DataServices } from '../../core/data/tokens';
import type { EventBus } from '../../core/events/event-bus';
import { importPaths, type ImportSummary } from '../../core/ingest/import-paths';
import { Importer } from '../../core/ingest/importer';
import { ImportsService } from '../../core/ingest/imports-service';
import { IngestServices } from '../../core/ingest/tokens';
import { DatabaseAdmin } from '../../core/data/database-admin';
import { silentLogger } from '../../core/logging/create-logger';
import type { Caller, Transport } from '../../core/plugin-api/commands';
import type { Reply } from '../../core/plugin-api/reply';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { PluginHost } from '../../core/plugin-host/plugin-host';
import { queriesModule } from '../../core/queries/module';
import { BotRule } from '../../core/queries/bots';
import type { Clock } from '../../core/scheduler/clock';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './databases';
import { replyText } from '../../core/testing/reply-text';

/** The generated fixtures (fixtures/ at the project root; this file runs from dist/test/support). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../../fixtures');

export const DEFAULT_CALLER: Caller = { id: '200000000000000001', name: 'tester', roleIds: [], isAdmin: false };

export interface FixtureBotOptions {
  /** A fresh database of this kind, or a suite's database from `forEachDatabase` (emptied first). */
  database: TestDatabaseKind | TestDatabase;
  /** Built-in plugin ids (`'stats'`) or full entries (with options). */
  plugins: readonly (string | PluginEntry)[];
  /** Folders or files to import; default the fixtures. `[]` leaves the database empty. */
  importPaths?: readonly string[];
  /** Config overrides (`{ cache: { maxEntries: 0 } }`...). */
  overrides?: Record<string, unknown>;
  clock?: Clock;
  /** Extra core modules (after database, cache, queries and charts). */
  modules?: CoreModule[];
}

export interface FixtureBot {
  app: App;
  db: Database;
  importer: Importer;
  /** What importing the fixtures gave. */
  imported: ImportSummary | null;
  /** Runs a command line; the reply (never null for a known command). */
  run(line: string, caller?: Caller, transport?: Transport): Promise<Reply>;
  /** The reply as plain text: text, then each embed's title, description, `name: value` fields and footer. */
  text(line: string, caller?: Caller, transport?: Transport): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A database core module over a test database: registers Database, DataSource and an Importer
 * that reports to the app's event bus (so `round.imported` reaches the cache).
 */
function testDatabaseModule(handle: TestDatabase, opened: (db: Database) => void): CoreModule {
  return {
    name: 'database',
    async register(ctx: ModuleContext) {
      // The loaded plugins' own tables are part of the database, as in the real database module.
      const c = ctx.container;
      const plugins = c.isRegistered(HostServices.PluginHost.id, true) ? c.resolve<PluginHost>(HostServices.PluginHost.id).definitions() : [];
      const db = await handle.open({
        entities: plugins.flatMap((p) => [...(p.entities ?? [])]),
        migrations: plugins.flatMap((p) => [...(p.migrations ?? [])]) as (new () => object)[],
      });
      opened(db);
      const events = ctx.container.resolve<EventBus>(HostServices.Events.id);
      ctx.container.register(DataServices.Database.id, { useValue: db });
      ctx.container.register(DataServices.DataSource.id, { useValue: db.dataSource });
      const importer = new Importer(
        db,
        {
          timezone: ctx.config.timezone,
          pairingWindowMinutes: ctx.config.import.pairingWindowMinutes,
          sessionGapMinutes: ctx.config.import.sessionGapMinutes,
          bots: new BotRule(ctx.config.players),
        },
        events,
      );
      ctx.container.register(DataServices.Importer.id, { useValue: importer });
      ctx.container.register(DataServices.Admin.id, { useValue: new DatabaseAdmin(db) });
      ctx.container.register(IngestServices.Imports.id, { useValue: new ImportsService(importer, db) });
    },
  };
}

/** Starts an App on a fresh database with the fixtures imported and the given plugins loaded. */
export async function createFixtureBot(options: FixtureBotOptions): Promise<FixtureBot> {
  let owned: (TestDatabase & { destroy(): Promise<void> }) | null = null;
  let handle: TestDatabase;
  if (typeof options.database === 'string') {
    owned = await createTestDatabase(options.database);
    handle = owned;
  } else {
    handle = options.database;
    await handle.reset();
  }
  let db!: Database;
  const { config, secrets } = loadConfig({ env: {}, overrides: { dataDir: os.tmpdir(), ...(options.overrides ?? {}) } });
  const app = new App({
    config,
    secrets,
    logger: silentLogger(),
    mode: 'test',
    clock: options.clock,
    modules: [testDatabaseModule(handle, (opened) => (db = opened)), cacheModule(), queriesModule(), chartsModule(), ...(options.modules ?? [])],
    pluginEntries: options.plugins.map((p) => (typeof p === 'string' ? { id: p, enabled: true, options: {} } : p)),
  });
  await app.start();
  const importer = app.container.resolve<Importer>(DataServices.Importer.id);
  const paths = options.importPaths ?? [FIXTURES_DIR];
  const imported = paths.length > 0 ? await importPaths(importer, paths, { source: 'fixtures' }) : null;

  const run = async (line: string, caller: Caller = DEFAULT_CALLER, transport: Transport = 'console'): Promise<Reply> => {
    const reply = await app.runner.runLine(line, { caller, transport });
    if (!reply) throw new Error(`'${line}' is not a command line`);
    return reply;
  };
  return {
    app,
    db,
    importer,
    imported,
    run,
    text: async (line, caller, transport) => replyText(await run(line, caller, transport)),
    stop: async () => {
      await app.stop();
      await db.close().catch(() => undefined);
      await owned?.destroy();
    },
  };
}

export { replyText };
