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

const dependenciesSchema = z
  .union([
    z.array(z.string().min(1)),
    z.record(
      z.string().min(1),
      z.string().refine((v) => semver.validRange(v) !== null, 'a semver range'),
    ),
  ])
  .optional();

const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'lower-case letters, digits and dashes'),
  version: z.string().refine((v) => semver.valid(v) !== null, 'a semver version such as 1.0.0'),
  apiVersion: z.string().refine((v) => semver.validRange(v) !== null, 'a semver range such as ^2.0.0'),
  dependsOn: dependenciesSchema,
  optionalDependsOn: dependenciesSchema,
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
    throw new PluginManifestError(`plugin '${manifest.id}' needs plugin API ${manifest.apiVersion}, but this etbot provides plugin API ${PLUGIN_API_VERSION}`);
  }
  return def as PluginDefinition;
}

/** Required dependencies as id -> semver range ('*' when none given). */
export function dependencyRanges(manifest: PluginManifest): Map<string, string> {
  return rangesOf(manifest.dependsOn);
}

/** Optional dependencies as id -> semver range. */
export function optionalDependencyRanges(manifest: PluginManifest): Map<string, string> {
  return rangesOf(manifest.optionalDependsOn);
}

/** Every plugin id this one names, required or optional. */
export function allDependencies(manifest: PluginManifest): Set<string> {
  return new Set([...dependencyRanges(manifest).keys(), ...optionalDependencyRanges(manifest).keys()]);
}

function rangesOf(deps: PluginManifest['dependsOn']): Map<string, string> {
  const ranges = new Map<string, string>();
  if (Array.isArray(deps)) for (const id of deps) ranges.set(id, '*');
  else if (deps) for (const [id, range] of Object.entries(deps)) ranges.set(id, range as string);
  return ranges;
}

/**
 * Orders plugins so that each comes after its dependencies (and its optional ones that are present). Returns the order and, for plugins
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
    // An optional dependency that is there comes first; one that is missing or broken is left out.
    if (ok) {
      for (const [dep, range] of optionalDependencyRanges(manifest)) {
        const depManifest = byId.get(dep);
        if (depManifest && semver.satisfies(depManifest.version, range) && state.get(dep) !== 'visiting') visit(dep, [...chain, id]);
      }
    }
    state.set(id, 'done');
    if (ok) order.push(id);
    return ok;
  };

  for (const m of manifests) visit(m.id, []);
  return { order, problems };
}
