import type { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { CommandDefinition, ArgumentDefinition } from './commands';
import type { Disposable } from './disposable';
import type { EventHandler, EventMap, EventName } from './events';
import type { JobDefinition } from './jobs';
import type { ServiceResolver } from './services';

export interface PluginManifest {
  /** Lower-case id, `[a-z0-9][a-z0-9-]*`. */
  id: string;
  /** The plugin's own semver version. */
  version: string;
  /** Semver range of the plugin API it was written for, e.g. `^1.0.0`. */
  apiVersion: string;
  /** Plugin ids (optionally with a semver range: `{ stats: '^1.0.0' }`) that must be enabled first. */
  dependsOn?: readonly string[] | Readonly<Record<string, string>>;
  description?: string;
}

export interface PluginApi<TOptions = unknown> {
  readonly id: string;
  /** The plugin's options from plugins.json, validated by `configSchema`. */
  readonly options: TOptions;
  readonly logger: Logger;
  /** Core services through the plugin's own child DI container. */
  readonly services: ServiceResolver;
  command<A extends readonly ArgumentDefinition[]>(definition: CommandDefinition<A>): Disposable;
  job(definition: JobDefinition): Disposable;
  on<E extends EventName>(event: E, handler: EventHandler<E>): Disposable;
  emit<E extends EventName>(event: E, payload: EventMap[E]): Promise<void>;
  /** Runs when the plugin is disabled, reloaded or the bot stops. */
  onDispose(fn: () => void | Promise<void>): Disposable;
}

/** A class or schema TypeORM accepts as an entity. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function;
/** A TypeORM migration class (use the QueryRunner API so it runs on PostgreSQL and SQLite). */
export type MigrationClass = new () => { name?: string; up(queryRunner: unknown): Promise<unknown>; down(queryRunner: unknown): Promise<unknown> };

export interface PluginDefinition<TOptions = unknown> {
  manifest: PluginManifest;
  /** Schema for the plugin's `options` in plugins.json. */
  configSchema?: z.ZodType<TOptions>;
  /** Entities of the plugin's own tables; known when the database starts. */
  entities?: readonly EntityClass[];
  /** Migrations for those tables, run in order when the plugin is first enabled, recorded. */
  migrations?: readonly MigrationClass[];
  register(api: PluginApi<TOptions>): void | Promise<void>;
}

export function definePlugin<TOptions = unknown>(definition: PluginDefinition<TOptions>): PluginDefinition<TOptions> {
  return definition;
}
