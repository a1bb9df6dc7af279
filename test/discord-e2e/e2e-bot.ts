import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { App } from '../../core/app/app';
import { coreModules } from '../../core/app/modules';
import { loadConfig, secretValues } from '../../core/config/load-config';
import { DataServices } from '../../core/data/tokens';
import { importPaths, type ImportSummary } from '../../core/ingest/import-paths';
import type { Importer } from '../../core/ingest/importer';
import { createLogger } from '../../core/logging/create-logger';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { DiscordBot } from '../../core/transports/discord/discord-bot';
import { DiscordServices } from '../../core/transports/discord/discord-module';
import { FakeDiscord, type RecordedRequest } from '../fake-discord';
import { createTestDatabase, type TestDatabaseKind } from '../support/databases';
import { FIXTURES_DIR } from '../support/fixture-bot';

/** The bot token every e2e app logs in with; it must never show up in a log line or a request body. */
export const E2E_TOKEN = 'e2e-discord-token.Zq8vX1-never-logged';

/** Every plugin the product ships (plugins.json) plus the admin plugin. */
export const ALL_PLUGINS = [
  'help',
  'stats',
  'leaderboards',
  'rating',
  'compare',
  'weapons',
  'maps',
  'sessions',
  'link',
  'last-session',
  'announcer',
  'admin',
] as const;

export interface E2EBotOptions {
  /** A fresh database of this kind (dropped on stop), or a URL the caller owns. */
  database: TestDatabaseKind | { url: string };
  plugins?: readonly (string | PluginEntry)[];
  /** Import fixtures/ once the bot is online (default true). */
  importFixtures?: boolean;
  /** Extra `discord` config (announceChannelId...); admins are the fake's `carol` and its admin role. */
  discord?: (fake: FakeDiscord) => Record<string, unknown>;
}

export interface E2EBot {
  fake: FakeDiscord;
  app: App;
  bot: DiscordBot;
  importer: Importer;
  imported: ImportSummary | null;
  /** Every log line the app wrote (JSON, debug level and up). */
  logs: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole app as `etbot start` builds it (every core module, the real plugins, a real database,
 * the logger scrubbing the configured secrets), with its Discord bot logged into a fake Discord on
 * 127.0.0.1 that accepts only E2E_TOKEN. Resolves once the slash commands are registered, the
 * prefix commands loaded and the fixtures imported.
 */
export async function startE2EBot(options: E2EBotOptions): Promise<E2EBot> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  };
  try {
    let databaseUrl: string;
    if (typeof options.database === 'string') {
      const db = await createTestDatabase(options.database);
      cleanups.push(() => db.destroy());
      databaseUrl = db.url;
    } else {
      databaseUrl = options.database.url;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-e2e-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));

    const fake = new FakeDiscord({ token: E2E_TOKEN });
    await fake.start();
    cleanups.push(() => fake.stop());

    const env = { DISCORD_TOKEN: E2E_TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.world.guildId, DATABASE_URL: databaseUrl };
    const { config, secrets } = loadConfig({
      env,
      cwd: dir,
      overrides: {
        dataDir: dir,
        logLevel: 'debug',
        discord: { adminUserIds: [fake.world.users.admin.id], adminRoleIds: [fake.world.roles.admin], ...(options.discord?.(fake) ?? {}) },
      },
    });
    const logs: string[] = [];
    const logger = createLogger({
      level: 'debug',
      pretty: false,
      secrets: secretValues(secrets, env, config),
      destination: new Writable({
        write(chunk, _enc, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    });
    const app = new App({
      config,
      secrets,
      logger,
      mode: 'test',
      modules: coreModules(),
      pluginEntries: (options.plugins ?? ALL_PLUGINS).map((p) => (typeof p === 'string' ? { id: p, enabled: true, options: {} } : p)),
    });
    cleanups.push(() => app.stop());
    await app.start();
    const broken = app.plugins.list().filter((p) => p.state !== 'enabled');
    if (broken.length > 0) throw new Error(`plugins not enabled: ${broken.map((p) => `${p.id} (${p.state}: ${p.error ?? 'no error'})`).join(', ')}`);

    if (!app.container.isRegistered(DiscordServices.Bot.id, true)) {
      throw new Error(`the Discord bot did not come online; log:\n${logs.join('')}`);
    }
    const bot = app.container.resolve<DiscordBot>(DiscordServices.Bot.id);
    const wanted = app.registry.list().map((c) => c.definition.name);
    await fake.waitForRequest(
      (r) => r.method === 'PUT' && Array.isArray(r.body) && wanted.every((n) => r.body.some((c: { name: string }) => c.name === n)),
      20_000,
      'the slash registration with every plugin command',
    );
    await bot.settled();

    const importer = app.container.resolve<Importer>(DataServices.Importer.id);
    const imported = options.importFixtures === false ? null : await importPaths(importer, [FIXTURES_DIR], { source: 'fixtures' });
    return { fake, app, bot, importer, imported, logs, databaseUrl, stop: cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** What a user sees from a request: the message body (a channel post) or the data of an interaction callback. */
export function messageOf(req: RecordedRequest): any {
  return req.path.endsWith('/callback') ? req.body.data : req.body;
}

/** A user writes `content`; resolves with the bot's reply to that very message. */
export async function ask(
  fake: FakeDiscord,
  content: string,
  opts: Parameters<FakeDiscord['sendUserMessage']>[1] = {},
  timeoutMs = 30_000,
): Promise<RecordedRequest> {
  const sent = fake.sendUserMessage(content, opts);
  return fake.waitForRequest(
    (r) => r.method === 'POST' && r.path === `/channels/${sent.channel_id}/messages` && r.body?.message_reference?.message_id === sent.id,
    timeoutMs,
    `the reply to '${content}'`,
  );
}
