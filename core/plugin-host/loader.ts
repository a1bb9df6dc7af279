import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PluginDefinition } from '../plugin-api/plugin';
import { validatePluginDefinition } from './manifest';
import { entryRef, type PluginEntry } from './plugins-file';

/** dist/ when running compiled code: dist/core/plugin-host -> dist */
const DIST_ROOT = path.resolve(__dirname, '../..');
const PROJECT_ROOT = path.resolve(DIST_ROOT, '..');
const BUILTIN_DIR = path.join(DIST_ROOT, 'plugins');

export interface LoadedPlugin {
  definition: PluginDefinition;
  /** The resolved module file; its folder is cleared from the require cache on reload. */
  modulePath: string;
}

function resolveLocal(candidate: string): string | null {
  try {
    return require.resolve(candidate);
  } catch {
    return null;
  }
}

/** A path to TypeScript sources inside the project is served from its compiled copy in dist/. */
function resolvePathEntry(absolute: string): string | null {
  const direct = resolveLocal(absolute);
  if (direct && !direct.endsWith('.ts')) return direct;
  const relative = path.relative(PROJECT_ROOT, absolute);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    const compiled = path.join(DIST_ROOT, relative.replace(/\.ts$/, ''));
    return resolveLocal(compiled);
  }
  return null;
}

export function resolvePluginModule(entry: PluginEntry, pluginsFileDir: string): string {
  if (entry.id !== undefined) {
    const dir = path.join(BUILTIN_DIR, entry.id);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`no built-in plugin '${entry.id}' (looked in ${BUILTIN_DIR})`);
    const resolved = resolveLocal(dir);
    if (!resolved) throw new Error(`built-in plugin '${entry.id}' has no index`);
    return resolved;
  }
  if (entry.path !== undefined) {
    const absolute = path.resolve(pluginsFileDir, entry.path);
    const resolved = resolvePathEntry(absolute);
    if (!resolved) throw new Error(`plugin path '${entry.path}' (${absolute}) has no loadable module (build it first?)`);
    return resolved;
  }
  try {
    return require.resolve(entry.package!, { paths: [pluginsFileDir, process.cwd()] });
  } catch {
    throw new Error(`plugin package '${entry.package}' is not installed (npm install ${entry.package})`);
  }
}

export function loadPluginModule(entry: PluginEntry, pluginsFileDir: string, fresh = false): LoadedPlugin {
  const modulePath = resolvePluginModule(entry, pluginsFileDir);
  if (fresh) clearModuleFolder(path.dirname(modulePath));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(modulePath) as Record<string, unknown>;
  const candidate = mod.default ?? mod.plugin ?? mod;
  return { definition: validatePluginDefinition(candidate, `plugin ${entryRef(entry)}`), modulePath };
}

/** Forgets cached modules under a folder so a reload picks up changed code. */
export function clearModuleFolder(folder: string): void {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  for (const key of Object.keys(require.cache)) if (key.startsWith(prefix)) delete require.cache[key];
}
