import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { announcementsModule } from '../../core/announcements/module';
import { App } from '../../core/app/app';
import type { AppMode, CoreModule } from '../../core/app/module';
import { cacheModule } from '../../core/cache/module';
import { collectorsModule } from '../../core/collectors/module';
import { loadConfig } from '../../core/config/load-config';
import { databaseModule } from '../../core/data/module';
import type { Logger } from '../../core/logging/logger';
import { metricsModule } from '../../core/metrics/module';
import { queriesModule } from '../../core/queries/module';
import type { Caller } from '../../core/plugin-api/commands';
import type { Reply } from '../../core/plugin-api/reply';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { Clock } from '../../core/scheduler/clock';

export const ADMIN_ID = '222222222222222222';
export const USER_ID = '111111111111111111';
export const ADMIN_CHANNEL = '333333333333333333';

export const adminCaller: Caller = { id: ADMIN_ID, name: 'an admin', roleIds: [], isAdmin: true };
export const userCaller: Caller = { id: USER_ID, name: 'a player', roleIds: [], isAdmin: false };

/** Every core module the admin plugin uses, in the app's order (Discord and charts left out). */
export function opsModules(): CoreModule[] {
  return [databaseModule(), cacheModule(), queriesModule(), collectorsModule(), announcementsModule(), metricsModule()];
}

export interface AdminAppOptions {
  databaseUrl: string;
  dataDir?: string;
  clock?: Clock;
  mode?: AppMode;
  /** Plugin entries; default: the admin plugin alone. Ignored when `pluginsFile` is given. */
  plugins?: PluginEntry[];
  /** Read and write this plugins.json (enable/disable are saved). */
  pluginsFile?: string;
  adminOptions?: Record<string, unknown>;
  overrides?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `etbot-${prefix}-`));
}

/** A real App with the real core modules on the test database. */
export async function startAdminApp(options: AdminAppOptions): Promise<App> {
  const dataDir = options.dataDir ?? tempDir('admin-data');
  const { config, secrets } = loadConfig({
    env: options.env ?? {},
    overrides: {
      dataDir,
      database: { url: options.databaseUrl },
      discord: { adminUserIds: [ADMIN_ID], adminChannelId: ADMIN_CHANNEL },
      ...(options.pluginsFile ? { pluginsFile: options.pluginsFile } : {}),
      ...options.overrides,
    },
  });
  const app = new App({
    config,
    secrets,
    logger: options.logger ?? pino({ level: 'silent' }),
    mode: options.mode ?? 'test',
    clock: options.clock,
    modules: opsModules(),
    pluginEntries: options.pluginsFile ? undefined : (options.plugins ?? [adminEntry(options.adminOptions)]),
  });
  try {
    await app.start();
  } catch (err) {
    await app.stop().catch(() => undefined);
    throw err;
  }
  return app;
}

export function adminEntry(options: Record<string, unknown> = {}): PluginEntry {
  return { id: 'admin', enabled: true, options };
}

export async function run(app: App, line: string, caller: Caller = adminCaller): Promise<Reply> {
  const reply = await app.runner.runLine(line, { caller, transport: 'console' });
  if (!reply) throw new Error(`'${line}' is not a command`);
  return reply;
}

/** All the text a reply shows: text, embed titles, descriptions and fields. */
export function replyText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.text) parts.push(reply.text);
  for (const e of reply.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer ?? '');
    for (const f of e.fields ?? []) parts.push(`${f.name}: ${f.value}`);
  }
  for (const f of reply.files ?? []) parts.push(f.data.toString('utf8'));
  return parts.join('\n');
}

/** A logger writing JSON lines into memory, for tests that search the logs. */
export function memoryLogger(level = 'debug'): { logger: Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines: () => chunks.join('') };
}
