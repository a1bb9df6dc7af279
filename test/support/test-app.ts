import path from 'node:path';
import { App } from '../../core/app/app';
import type { AppMode, CoreModule } from '../../core/app/module';
import { loadConfig } from '../../core/config/load-config';
import { silentLogger } from '../../core/logging/create-logger';
import type { PluginEntry } from '../../core/plugin-host/plugins-file';
import type { Clock } from '../../core/scheduler/clock';
import type { Logger } from '../../core/logging/logger';

/** Compiled test plugin in dist/test/foundation/plugins. */
export function testPluginPath(name: string): string {
  return path.resolve(__dirname, '../foundation/plugins', `${name}.js`);
}

export interface TestAppOptions {
  plugins: PluginEntry[];
  modules?: CoreModule[];
  overrides?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  mode?: AppMode;
  logger?: Logger;
}

export async function startTestApp(options: TestAppOptions): Promise<App> {
  const { config, secrets } = loadConfig({ env: options.env ?? {}, overrides: options.overrides });
  const app = new App({
    config,
    secrets,
    logger: options.logger ?? silentLogger(),
    mode: options.mode ?? 'test',
    clock: options.clock,
    modules: options.modules ?? [],
    pluginEntries: options.plugins,
  });
  await app.start();
  return app;
}

export function entry(name: string, extra: Partial<PluginEntry> = {}): PluginEntry {
  return { path: testPluginPath(name), enabled: true, options: {}, ...extra };
}
