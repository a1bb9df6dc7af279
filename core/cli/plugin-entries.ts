import { existsSync } from 'node:fs';
import type { LoadedConfig } from '../config/load-config';
import type { Logger } from '../logging/logger';
import { builtInPluginEntries, type PluginEntry } from '../plugin-host/plugins-file';

/**
 * Which plugins a command line runs: those of the plugins file when there is one (undefined: the
 * host reads it), else the built-in plugins with their defaults, so etbot works from any folder.
 * A plugins file that was named but is missing stays an error (the host reports it).
 */
export function pluginEntriesFor(loaded: LoadedConfig, logger: Logger): PluginEntry[] | undefined {
  const file = loaded.config.pluginsFile;
  if (existsSync(file) || loaded.pluginsFileNamed) return undefined;
  const entries = builtInPluginEntries();
  logger.info({ pluginsFile: file, plugins: entries.map((e) => e.id) }, `no plugins file at ${file}: running the built-in plugins with their defaults`);
  return entries;
}
