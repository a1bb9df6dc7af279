import type { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { CommandDefinition, ArgumentDefinition } from './commands';
import type { Disposable } from './disposable';
import type { EventHandler, EventMap, EventName } from './events';
import type { JobDefinition } from './jobs';
import type { ServiceResolver, ServiceToken } from './services';
import type { PluginStorage } from './storage';

/** Plugin ids, optionally with a semver range each: `['stats']` or `{ stats: '^1.0.0' }`. */
export type PluginDependencies = readonly string[] | Readonly<Record<string, string>>;

export interface PluginManifest {
  /** Lower-case id, `[a-z0-9][a-z0-9-]*`. */
  id: string;
  /** The plugin's own semver version. */
  version: string;
  /** Semver range of the plugin API it was written for, e.g. `^2.0.0`. */
  apiVersion: string;
  /**
   * Plugins that must be enabled first. Their services (`api.provide`) are available to this
   * plugin; when one goes away this plugin is disabled until it comes back.
   */
  dependsOn?: PluginDependencies;
  /**
   * Plugins used when they are enabled: loaded first when present, but this plugin loads without
   * them (`api.services.getOptional` then gives `undefined`). It is reloaded when one comes or goes.
   */
  optionalDependsOn?: PluginDependencies;
  description?: string;
}

export interface PluginApi<TOptions = unknown> {
  readonly id: string;
  /** The plugin's options from plugins.json, validated by `configSchema`. */
  readonly options: TOptions;
  readonly logger: Logger;
  /** Core services, and the services of the plugins named in `dependsOn` / `optionalDependsOn`. */
  readonly services: ServiceResolver;
  /** SQL on the plugin's own tables (never on core tables: read those through the query services). */
  readonly storage: PluginStorage;
  command<A extends readonly ArgumentDefinition[]>(definition: CommandDefinition<A>): Disposable;
  job(definition: JobDefinition): Disposable;
  on<E extends EventName>(event: E, handler: EventHandler<E>): Disposable;
  emit<E extends EventName>(event: E, payload: EventMap[E]): Promise<void>;
  /**
   * Makes a service available to the plugins that name this one in `dependsOn` or
   * `optionalDependsOn`. Withdrawn when this plugin is disabled or reloaded (its dependants are
   * disabled or reloaded with it). One provider per token.
   */
  provide<T>(token: ServiceToken<T>, implementation: T): Disposable;
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
  /**
   * Core services the plugin cannot work without (`[QueryServices.PlayerStats, ...]`). Checked
   * before `register`: a missing one stops this plugin only, with the service named.
   */
  requires?: readonly ServiceToken<unknown>[];
  /** Entities of the plugin's own tables; known when the database starts. */
  entities?: readonly EntityClass[];
  /** Migrations for those tables, run in order when the plugin is first enabled, recorded. */
  migrations?: readonly MigrationClass[];
  register(api: PluginApi<TOptions>): void | Promise<void>;
}

export function definePlugin<TOptions = unknown>(definition: PluginDefinition<TOptions>): PluginDefinition<TOptions> {
  return definition;
}
