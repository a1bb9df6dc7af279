import semver from 'semver';
import { z } from 'zod';
import type { PluginDefinition, PluginManifest } from '../plugin-api/plugin';
import { PLUGIN_API_VERSION } from '../plugin-api/version';

export class PluginManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginManifestError';
  }
}

const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'lower-case letters, digits and dashes'),
  version: z.string().refine((v) => semver.valid(v) !== null, 'a semver version such as 1.0.0'),
  apiVersion: z.string().refine((v) => semver.validRange(v) !== null, 'a semver range such as ^1.0.0'),
  dependsOn: z
    .union([
      z.array(z.string().min(1)),
      z.record(z.string().min(1), z.string().refine((v) => semver.validRange(v) !== null, 'a semver range')),
    ])
    .optional(),
  description: z.string().optional(),
});

/** Checks a loaded module is a plugin definition with a valid manifest and a compatible API version. */
export function validatePluginDefinition(candidate: unknown, source: string): PluginDefinition {
  if (!candidate || typeof candidate !== 'object') throw new PluginManifestError(`${source} does not export a plugin definition`);
  const def = candidate as Partial<PluginDefinition>;
  if (typeof def.register !== 'function') throw new PluginManifestError(`${source}: the plugin definition has no register(api) function`);
  if (!def.manifest) throw new PluginManifestError(`${source}: the plugin definition has no manifest`);
  const parsed = manifestSchema.safeParse(def.manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || 'manifest';
    const value = issue.path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k as string], def.manifest);
    throw new PluginManifestError(`${source}: manifest.${key} is ${JSON.stringify(value)}, expected ${issue.message}`);
  }
  const manifest = def.manifest;
  if (!semver.satisfies(PLUGIN_API_VERSION, manifest.apiVersion)) {
    throw new PluginManifestError(
      `plugin '${manifest.id}' needs plugin API ${manifest.apiVersion}, but this etbot provides plugin API ${PLUGIN_API_VERSION}`,
    );
  }
  return def as PluginDefinition;
}

/** Dependencies as id -> semver range ('*' when none given). */
export function dependencyRanges(manifest: PluginManifest): Map<string, string> {
  const deps = new Map<string, string>();
  if (Array.isArray(manifest.dependsOn)) for (const id of manifest.dependsOn) deps.set(id, '*');
  else if (manifest.dependsOn) for (const [id, range] of Object.entries(manifest.dependsOn)) deps.set(id, range as string);
  return deps;
}

/**
 * Orders plugins so that each comes after its dependencies. Returns the order and, for plugins
 * that cannot load (missing dependency, version mismatch, cycle), the reason.
 */
export function orderByDependencies(manifests: readonly PluginManifest[]): { order: string[]; problems: Map<string, string> } {
  const byId = new Map(manifests.map((m) => [m.id, m]));
  const problems = new Map<string, string>();
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();

  const visit = (id: string, chain: string[]): boolean => {
    if (state.get(id) === 'done') return !problems.has(id);
    if (state.get(id) === 'visiting') {
      problems.set(id, `dependency cycle: ${[...chain, id].join(' -> ')}`);
      return false;
    }
    state.set(id, 'visiting');
    const manifest = byId.get(id)!;
    let ok = true;
    for (const [dep, range] of dependencyRanges(manifest)) {
      const depManifest = byId.get(dep);
      if (!depManifest) {
        problems.set(id, `plugin '${id}' depends on '${dep}', which is not enabled`);
        ok = false;
        break;
      }
      if (!semver.satisfies(depManifest.version, range)) {
        problems.set(id, `plugin '${id}' needs '${dep}' ${range}, but '${dep}' is ${depManifest.version}`);
        ok = false;
        break;
      }
      if (!visit(dep, [...chain, id])) {
        if (!problems.has(id)) problems.set(id, `plugin '${id}' depends on '${dep}', which failed: ${problems.get(dep)}`);
        ok = false;
        break;
      }
    }
    state.set(id, 'done');
    if (ok) order.push(id);
    return ok;
  };

  for (const m of manifests) visit(m.id, []);
  return { order, problems };
}
