import type { DataSourceOptions } from 'typeorm';
import type { Database } from '../data/database';
import { coreEntities } from '../data/entities';
import type { PluginDefinition } from '../plugin-api/plugin';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function;

function migrationName(migration: { name?: string; constructor: { name: string } }): string {
  return migration.name ?? migration.constructor.name;
}

/**
 * Makes the database know a plugin's entities and run its pending migrations when the plugin was
 * not known as the database started (its code failed to load then and was fixed, or a reload
 * brought new code). Plugins loaded at start were handled by the database module already, so this
 * does nothing for them. Returns the names of the migrations it ran.
 */
export async function ensurePluginSchema(db: Database, definition: PluginDefinition): Promise<string[]> {
  const ds = db.dataSource;
  const entities = (definition.entities ?? []).filter((e) => !ds.entityMetadatas.some((m) => m.target === e));
  const known = new Set(ds.migrations.map(migrationName));
  const migrations = (definition.migrations ?? []).filter((M) => !known.has(migrationName(new M() as { name?: string; constructor: { name: string } })));
  if (entities.length === 0 && migrations.length === 0) return [];
  // A reloaded plugin brings new classes of the same names: they replace the old ones.
  const replaced = new Set(entities.map((e) => e.name));
  const core = new Set<EntityClass>(coreEntities as EntityClass[]);
  const previous = ((ds.options.entities ?? []) as EntityClass[]).filter((e) => core.has(e) || !replaced.has(e.name));
  ds.setOptions({
    entities: [...previous, ...entities] as DataSourceOptions['entities'],
    migrations: [...((ds.options.migrations ?? []) as (new () => object)[]), ...migrations] as DataSourceOptions['migrations'],
  } as Partial<DataSourceOptions>);
  // TypeORM builds entity metadata and migration instances from its options only on initialize().
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return migrations.length > 0 ? db.migrate() : [];
}
