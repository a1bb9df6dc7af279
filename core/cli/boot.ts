import { App } from '../app/app';
import type { AppMode } from '../app/module';
import { loadConfig, secretValues } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { pluginEntriesFor } from './plugin-entries';

export interface GlobalOptions {
  config?: string;
  logLevel?: string;
}

export interface BootOptions {
  /** false for subcommands that need no plugins (import, export, migrate): the plugins file is not read. */
  plugins?: boolean;
}

/** Loads configuration, makes the logger and starts the app in the given mode. */
export async function bootApp(globals: GlobalOptions, mode: AppMode, options: BootOptions = {}): Promise<App> {
  const loaded = loadConfig({ file: globals.config, overrides: globals.logLevel ? { logLevel: globals.logLevel } : undefined });
  const level = quietFor(mode, loaded.config.logLevel, Boolean(globals.logLevel || process.env.ETBOT_LOG_LEVEL));
  const logger = createLogger({ level, secrets: secretValues(loaded.secrets, process.env, loaded.config) });
  const pluginEntries = options.plugins === false ? [] : pluginEntriesFor(loaded, logger);
  const app = new App({ config: loaded.config, secrets: loaded.secrets, logger, mode, pluginEntries });
  try {
    await app.start();
  } catch (err) {
    await app.stop().catch(() => undefined);
    throw err;
  }
  return app;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** One-shot commands print their result on stdout; routine info logs would only be noise there. */
function quietFor(mode: AppMode, level: string, explicit: boolean): string {
  if (explicit || mode === 'start') return level;
  return LEVELS.indexOf(level) < LEVELS.indexOf('warn') ? 'warn' : level;
}
