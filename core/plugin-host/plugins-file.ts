import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const entrySchema = z
  .object({
    /** A built-in plugin from plugins/<id>. */
    id: z.string().min(1).optional(),
    /** A plugin folder or file, relative to plugins.json. */
    path: z.string().min(1).optional(),
    /** An installed npm package. */
    package: z.string().min(1).optional(),
    enabled: z.boolean().default(true),
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine((e) => [e.id, e.path, e.package].filter((x) => x !== undefined).length === 1, {
    message: 'each entry needs exactly one of "id", "path" or "package"',
  });

const fileSchema = z.object({ plugins: z.array(entrySchema) }).strict();

export type PluginEntry = z.infer<typeof entrySchema>;

export class PluginsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginsFileError';
  }
}

/** Human label of an entry: its id, path or package. */
export function entryRef(entry: PluginEntry): string {
  return entry.id ?? entry.path ?? entry.package!;
}

export function readPluginsFile(file: string): PluginEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new PluginsFileError(`${file} not found (it lists the plugins to enable)`);
    throw new PluginsFileError(`${file} is not valid JSON: ${e.message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PluginsFileError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data.plugins;
}

/** Writes plugins.json atomically (temp file + rename), keeping entries in their order. */
export function writePluginsFile(file: string, entries: readonly PluginEntry[]): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ plugins: entries }, null, 2)}\n`);
  renameSync(tmp, file);
}

/** The plugins.json shipped with etbot (dist/core/plugin-host -> the package root): every built-in plugin, as shipped. */
export const BUILTIN_PLUGINS_FILE = path.resolve(__dirname, '../../../plugins.json');

/** The built-in plugins with their default options, for a deployment without a plugins file. */
export function builtInPluginEntries(): PluginEntry[] {
  return readPluginsFile(BUILTIN_PLUGINS_FILE)
    .filter((e) => e.id !== undefined)
    .map((e) => ({ id: e.id, enabled: e.enabled, options: {} }));
}
