import fs from 'node:fs';
import path from 'node:path';
import type { PluginDefinition } from '../plugin-api/plugin';
import type { PluginEntry } from '../plugin-host/plugins-file';

const REGISTRY_KEY = Symbol.for('etbot.testing.inline-plugins');
const registry: Map<string, unknown> =
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as Map<string, unknown>) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = new Map<string, unknown>());
let counter = 0;

/** Called by the generated stub modules. */
export function inlinePlugin(key: string): unknown {
  if (!registry.has(key)) throw new Error(`inline test plugin '${key}' is gone (its test bot was stopped)`);
  return registry.get(key);
}

/**
 * A plugin definition object passed to `createTestBot` goes through the host like any plugins.json
 * entry (manifest and API-version checks, dependency order, reload): it is served by a one-line
 * stub module written into the bot's temporary folder.
 */
export function inlinePluginEntry(definition: PluginDefinition<any>, dir: string, extra: Partial<PluginEntry> = {}): { entry: PluginEntry; forget(): void } {
  const id = (definition as { manifest?: { id?: unknown } }).manifest?.id;
  const key = `${typeof id === 'string' ? id.replace(/[^a-z0-9-]/gi, '') : 'plugin'}-${process.pid}-${++counter}`;
  registry.set(key, definition);
  const file = path.join(dir, `${key}.js`);
  fs.writeFileSync(file, `module.exports = require(${JSON.stringify(__filename)}).inlinePlugin(${JSON.stringify(key)});\n`);
  return { entry: { enabled: true, options: {}, ...extra, path: file }, forget: () => registry.delete(key) };
}
