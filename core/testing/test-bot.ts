import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../app/app';
import type { CoreModule } from '../app/module';
import { coreModules } from '../app/modules';
import { loadConfig } from '../config/load-config';
import type { Database } from '../data/database';
import { DataServices } from '../data/tokens';
import { importPaths, type ImportSummary } from '../ingest/import-paths';
import type { Importer } from '../ingest/importer';
import { silentLogger } from '../logging/create-logger';
import type { Logger } from '../logging/logger';
import type { Caller, Transport } from '../plugin-api/commands';
import type { Disposable } from '../plugin-api/disposable';
import type { EventHandler, EventMap, EventName } from '../plugin-api/events';
import type { PluginDefinition } from '../plugin-api/plugin';
import type { Reply } from '../plugin-api/reply';
import type { PluginEntry } from '../plugin-host/plugins-file';
import type { Clock } from '../scheduler/clock';
import { DiscordServices } from '../transports/discord/discord-module';
import type { FakeDiscord } from './fake-discord';
import { createPostgresDatabase } from './databases';
import { inlinePluginEntry } from './inline-plugins';
import { replyText } from './reply-text';

/** The generated fixtures shipped with etbot (two evenings of stopwatch, see fixtures/README.md). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../../fixtures');

/** A plugins.json entry (`{ path: 'examples/streaks-plugin' }`); `enabled` defaults to true, `options` to `{}`. */
export type TestPluginEntry = Omit<PluginEntry, 'enabled' | 'options'> & { enabled?: boolean; options?: Record<string, unknown> };

/** What `plugins` takes: a built-in id, a plugins.json entry, a definition, or a definition with options. */
export type TestPlugin =
  string | TestPluginEntry | PluginDefinition<any> | { definition: PluginDefinition<any>; options?: Record<string, unknown>; enabled?: boolean };

export interface TestBotOptions {
  /** The plugins to load; give this or `pluginsFile`. */
  plugins?: readonly TestPlugin[];
  /**
   * Load the plugins listed in this plugins.json instead, and save `!plugin enable` / `disable`
   * to it as the real bot does (a relative path resolves from `baseDir`).
   */
  pluginsFile?: string;
  /**
   * `'sqlite'` (default: a fresh temporary SQLite file), `'postgres'` (a fresh database on the
   * server at DATABASE_URL, or on an embedded PostgreSQL started for the test run; dropped by
   * `stop()`), or a database URL the test owns (`postgres://...`, `sqlite:PATH`).
   */
  database?: 'sqlite' | 'postgres' | string;
  /** Import etbot's fixtures (default true), or these files/folders instead, or nothing (`false`). */
  fixtures?: boolean | readonly string[];
  /** Start a fake Discord on 127.0.0.1 and log the real discord.js bot into it. Default false. */
  discord?: boolean;
  /** Configuration overrides (`{ timezone: 'Europe/Berlin' }`...). */
  config?: Record<string, unknown>;
  /** A clock for the scheduler (a `ManualClock` to move time by hand). */
  clock?: Clock;
  /** Run the scheduler, so jobs fire on `clock` (default false: run them with `runJob`). */
  scheduler?: boolean;
  /** Folder that relative plugin `path`s resolve from; default the working folder. */
  baseDir?: string;
  logger?: Logger;
  /** Core modules; default all of them (Discord stays off unless `discord: true`). */
  modules?: CoreModule[];
}

export interface RunOptions {
  /** The caller's Discord user id (default `200000000000000001`). */
  as?: string;
  name?: string;
  admin?: boolean;
  roleIds?: readonly string[];
  transport?: Transport;
}

export interface TestBot {
  app: App;
  db: Database;
  importer: Importer;
  /** What importing the fixtures gave (null when nothing was imported). */
  imported: ImportSummary | null;
  /** Present with `discord: true`: the fake server the bot is logged into. */
  fakeDiscord?: FakeDiscord;
  /** Runs a command line (`!streaks Snake` or `streaks Snake`) as the console would. */
  run(line: string, options?: RunOptions): Promise<Reply>;
  /** The same, flattened to text (text, embed titles, descriptions, `name: value` fields, footers). */
  text(line: string, options?: RunOptions): Promise<string>;
  /** Runs a plugin's job now; rejects with the job's error when it failed. */
  runJob(pluginId: string, jobName: string): Promise<void>;
  /** Raises an event on the bot's event bus and waits for every handler. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): Promise<void>;
  /** Listens to an event on the bot's event bus (`commands.changed`...), until disposed or the bot stops. */
  on<E extends EventName>(event: E, handler: EventHandler<E>): Disposable;
  /** Imports stats files or folders (raising `round.imported` for each new round). */
  importFile(...paths: string[]): Promise<ImportSummary>;
  /** With Discord: resolves when the bot's command registrations (prefix and slash) are done. */
  discordSettled(): Promise<void>;
  /** Names of commands currently registered, and jobs (`plugin:job`). */
  commands(): string[];
  jobs(): string[];
  stop(): Promise<void>;
}

export const DEFAULT_TEST_USER_ID = '200000000000000001';
const FAKE_TOKEN = 'etbot-testing-fake-discord-token';

/**
 * An etbot on a fresh database with the fixtures imported and the given plugins loaded through the
 * real plugin host (the same checks as plugins.json), using the console transport and, on request,
 * a fake Discord. Everything it made is removed by `stop()`.
 */
export async function createTestBot(options: TestBotOptions): Promise<TestBot> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-testbot-'));
  const forgets: (() => void)[] = [];
  let fake: FakeDiscord | undefined;
  let app: App | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const cleanup = async () => {
    await app?.stop().catch(() => undefined);
    await fake?.stop().catch(() => undefined);
    await dropDatabase?.().catch(() => undefined);
    for (const forget of forgets) forget();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    if (!options.plugins === !options.pluginsFile) throw new Error('createTestBot: give either plugins or pluginsFile');
    const baseDir = path.resolve(options.baseDir ?? process.cwd());
    let url: string;
    if (!options.database || options.database === 'sqlite') url = `sqlite:${path.join(tmp, 'etbot.sqlite')}`;
    else if (options.database === 'postgres') {
      const created = await createPostgresDatabase('etbot_testbot');
      url = created.url;
      dropDatabase = created.drop;
    } else url = options.database;
    const entries = options.plugins?.map((p) => toEntry(p, tmp, forgets));
    const overrides: Record<string, unknown> = {
      logLevel: 'silent',
      dataDir: path.join(tmp, 'data'),
      pluginsFile: path.resolve(baseDir, options.pluginsFile ?? 'plugins.json'),
      console: { outputDir: path.join(tmp, 'out') },
      database: { url },
    };
    let discordToken: string | undefined;
    if (options.discord) {
      // Loaded only on request: the fake needs `ws`, which discord.js brings along.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
      const { FakeDiscord } = require('./fake-discord') as typeof import('./fake-discord');
      fake = new FakeDiscord();
      await fake.start();
      discordToken = FAKE_TOKEN;
      overrides.discord = {
        apiUrl: fake.apiUrl,
        guildId: fake.world.guildId,
        adminUserIds: [fake.world.users.admin.id],
        adminRoleIds: [fake.world.roles.admin],
      };
    }
    const { config } = loadConfig({ env: {}, cwd: tmp, overrides: deepMerge(overrides, options.config ?? {}) });
    app = new App({
      config,
      secrets: { databaseUrl: config.database.url, discordToken },
      logger: options.logger ?? silentLogger(),
      mode: 'test',
      clock: options.clock,
      modules: options.modules ?? coreModules(),
      pluginEntries: entries,
    });
    await app.start();
    const started = app;
    const importer = started.container.resolve<Importer>(DataServices.Importer.id);
    const db = started.container.resolve<Database>(DataServices.Database.id);
    const fixtures = options.fixtures ?? true;
    const paths = fixtures === true ? [FIXTURES_DIR] : fixtures === false ? [] : [...fixtures];
    const imported = paths.length > 0 ? await importPaths(importer, paths, { source: 'fixtures' }) : null;
    if (options.scheduler) started.scheduler.start();
    const settled = async () => {
      if (!fake) return;
      if (!started.container.isRegistered(DiscordServices.Bot.id, true)) throw new Error('the bot did not log into the fake Discord (see the logger for why)');
      await started.container.resolve<import('../transports/discord/discord-bot').DiscordBot>(DiscordServices.Bot.id).settled();
    };
    await settled();

    const run = async (line: string, o: RunOptions = {}): Promise<Reply> => {
      const caller: Caller = { id: o.as ?? DEFAULT_TEST_USER_ID, name: o.name ?? 'tester', roleIds: o.roleIds ?? [], isAdmin: o.admin ?? false };
      const reply = await started.runner.runLine(line, { caller, transport: o.transport ?? 'console' });
      if (!reply) throw new Error(`'${line}' is not a command line`);
      return reply;
    };
    return {
      app: started,
      db,
      importer,
      imported,
      fakeDiscord: fake,
      run,
      text: async (line, o) => replyText(await run(line, o)),
      async runJob(pluginId, jobName) {
        const id = `${pluginId}:${jobName}`;
        if (!started.scheduler.list().some((j) => j.id === id)) {
          const known = started.scheduler
            .list()
            .map((j) => j.id)
            .sort();
          throw new Error(`no job '${id}' (registered: ${known.join(', ') || 'none'})`);
        }
        await started.scheduler.runNow(id);
        const state = started.scheduler.list().find((j) => j.id === id);
        if (state?.lastError) throw new Error(`job '${id}' failed: ${state.lastError}`);
      },
      emit: (event, payload) => started.events.emit(event, payload),
      on: (event, handler) => started.events.on(event, handler, 'test'),
      importFile: (...p) => importPaths(importer, p, { source: 'test' }),
      commands: () => started.registry.names().sort(),
      discordSettled: settled,
      jobs: () =>
        started.scheduler
          .list()
          .map((j) => j.id)
          .sort(),
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

function toEntry(p: TestPlugin, dir: string, forgets: (() => void)[]): PluginEntry {
  if (typeof p === 'string') return { id: p, enabled: true, options: {} };
  if ('register' in p && 'manifest' in p) return remember(inlinePluginEntry(p, dir), forgets);
  if ('definition' in p) return remember(inlinePluginEntry(p.definition, dir, { options: p.options ?? {}, enabled: p.enabled ?? true }), forgets);
  const entry = p as TestPluginEntry;
  return { ...entry, enabled: entry.enabled ?? true, options: entry.options ?? {} };
}

function remember(made: { entry: PluginEntry; forget(): void }, forgets: (() => void)[]): PluginEntry {
  forgets.push(made.forget);
  return made.entry;
}

type Json = Record<string, unknown>;
function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? deepMerge(b as Json, v as Json) : v;
  }
  return out;
}
