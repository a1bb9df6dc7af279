import path from 'node:path';
import type { DependencyContainer } from 'tsyringe';
import { DisposableStore } from '../plugin-api/disposable';
import type { PluginDefinition } from '../plugin-api/plugin';
import type { Logger } from '../logging/logger';
import type { CommandRegistry } from '../commands/registry';
import type { EventBus } from '../events/event-bus';
import type { Scheduler } from '../scheduler/scheduler';
import { CoreServices } from '../plugin-api/core-services';
import { loadPluginModule } from './loader';
import { allDependencies, orderByDependencies, dependencyRanges } from './manifest';
import { entryRef, readPluginsFile, writePluginsFile, type PluginEntry } from './plugins-file';
import { createPluginApi, pluginResolver } from './plugin-api-impl';
import { ensurePluginSchema } from './plugin-schema';
import { createPluginStorage } from './plugin-storage';
import { ProvidedServices } from './provided-services';
import { DataServices } from '../data/tokens';
import type { Database } from '../data/database';
import { coreEntities } from '../data/entities';

export type PluginState = 'enabled' | 'disabled' | 'failed';

export interface PluginStatus {
  id: string;
  ref: string;
  version: string | null;
  description: string | null;
  state: PluginState;
  error: string | null;
  commands: number;
  jobs: number;
  handlers: number;
  /** Names of the services it provides to other plugins now. */
  provides: string[];
}

/** What a change to one plugin did, and what it did to the plugins that depend on it. */
export interface PluginChange {
  status: PluginStatus;
  /** One line per dependant that was disabled, reloaded or enabled again with it. */
  dependants: string[];
}

interface PluginRecord {
  /** Disabled because a plugin it needs went away; comes back with it. */
  waitingFor?: boolean;
  entry: PluginEntry;
  definition: PluginDefinition | null;
  modulePath: string | null;
  state: PluginState;
  error: string | null;
  store: DisposableStore;
}

export interface PluginHostDeps {
  container: DependencyContainer;
  registry: CommandRegistry;
  events: EventBus;
  scheduler: Scheduler;
  logger: Logger;
  /** plugins.json; relative plugin paths resolve from its folder. */
  pluginsFile: string;
  /** Save enable/disable to plugins.json (off for tests that pass entries directly). */
  persist?: boolean;
}

export class PluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginError';
  }
}

/**
 * Loads plugins from plugins.json in dependency order, gives each its own child DI container and
 * API, and can enable, disable or reload any of them while the bot runs. A plugin that fails to
 * load is marked failed; the others go on.
 */
export class PluginHost {
  private readonly records: PluginRecord[] = [];
  private readonly baseDir: string;
  private readonly provided = new ProvidedServices();

  constructor(private readonly deps: PluginHostDeps) {
    this.baseDir = path.dirname(path.resolve(deps.pluginsFile));
  }

  /** Reads plugins.json and enables every enabled entry. */
  async loadFromFile(): Promise<void> {
    this.prepareFromFile();
    await this.activateAll();
  }

  async load(entries: readonly PluginEntry[]): Promise<void> {
    this.prepare(entries);
    await this.activateAll();
  }

  /**
   * Loads and checks every plugin's code and manifest without registering anything, so the
   * database can learn the plugins' entities and migrations before it starts.
   */
  prepareFromFile(): void {
    this.prepare(readPluginsFile(this.deps.pluginsFile));
  }

  prepare(entries: readonly PluginEntry[]): void {
    for (const entry of entries) this.records.push(this.loadDefinition(entry));
  }

  /** Registers every prepared, enabled plugin in dependency order. */
  async activateAll(): Promise<void> {
    const candidates = this.records.filter((r) => r.entry.enabled && r.definition && r.state !== 'failed' && r.store.size === 0);
    const { order, problems } = orderByDependencies(candidates.map((r) => r.definition!.manifest));
    // A plugin whose dependency is installed but not enabled waits for it: enabling it brings this one back.
    const waitsFor = (record: PluginRecord) => [...dependencyRanges(record.definition!.manifest).keys()].some((dep) => this.byId(dep)?.definition);
    for (const [id, problem] of problems) {
      const record = this.byId(id)!;
      this.fail(record, problem);
      record.waitingFor = waitsFor(record);
    }
    for (const id of order) {
      const record = this.byId(id)!;
      const broken = this.brokenDependency(record);
      if (!broken) await this.activate(record);
      else {
        this.fail(record, broken);
        record.waitingFor = waitsFor(record);
      }
    }
    this.announce('plugins loaded');
  }

  list(): PluginStatus[] {
    return this.records.map((r) => {
      const id = r.definition?.manifest.id ?? entryRef(r.entry);
      return {
        id,
        ref: entryRef(r.entry),
        version: r.definition?.manifest.version ?? null,
        description: r.definition?.manifest.description ?? null,
        state: r.state,
        error: r.error,
        commands: this.deps.registry.countOwnedBy(id),
        jobs: this.deps.scheduler.countOwnedBy(id),
        handlers: this.deps.events.countOwnedBy(id),
        provides: r.state === 'enabled' ? this.provided.ownedBy(id) : [],
      };
    });
  }

  /** Loaded definitions (for the data layer to collect plugin entities and migrations). */
  definitions(): PluginDefinition[] {
    return this.records.filter((r) => r.definition).map((r) => r.definition!);
  }

  /** Enables a plugin; plugins waiting for it come back, and those that use it optionally reload. */
  async enable(ref: string): Promise<PluginChange> {
    const record = this.find(ref);
    if (record.state === 'enabled') return { status: this.status(record), dependants: [] };
    if (!record.definition) Object.assign(record, this.loadDefinition({ ...record.entry }, true));
    if (!record.definition) throw new PluginError(record.error ?? `plugin '${ref}' cannot be loaded`);
    const missing = [...dependencyRanges(record.definition.manifest).keys()].filter((dep) => this.byId(dep)?.state !== 'enabled');
    if (missing.length > 0)
      throw new PluginError(`plugin '${record.definition.manifest.id}' depends on ${missing.map((m) => `'${m}'`).join(', ')}, which is not enabled`);
    record.entry.enabled = true;
    const dependants = await this.aroundDependants(record, () => this.activate(record));
    this.save();
    this.announce(`plugin ${record.definition.manifest.id} enabled`);
    if (record.state === 'failed') throw new PluginError(record.error!);
    return { status: this.status(record), dependants };
  }

  /** Disables a plugin; plugins that need it are disabled until it comes back, those that use it optionally reload. */
  async disable(ref: string): Promise<PluginChange> {
    const record = this.find(ref);
    const id = record.definition?.manifest.id ?? ref;
    record.entry.enabled = false;
    const dependants = await this.aroundDependants(record, async () => {
      await this.deactivate(record);
      record.state = 'disabled';
      record.error = null;
    });
    this.save();
    this.announce(`plugin ${id} disabled`);
    return { status: this.status(record), dependants };
  }

  /** Disposes the plugin, loads its code afresh and registers it again (its dependants with it). */
  async reload(ref: string): Promise<PluginChange> {
    const record = this.find(ref);
    const dependants = await this.aroundDependants(record, async () => {
      if (record.state === 'enabled') await this.deactivate(record);
      const fresh = this.loadDefinition(record.entry, true);
      Object.assign(record, { definition: fresh.definition, modulePath: fresh.modulePath, state: fresh.state, error: fresh.error });
      if (record.definition && record.entry.enabled) await this.activate(record);
    });
    this.announce(`plugin ${ref} reloaded`);
    if (record.state === 'failed') throw new PluginError(record.error!);
    return { status: this.status(record), dependants };
  }

  /**
   * Stops every enabled plugin that depends on `record` (directly or through others, required or
   * optional), runs the change, then starts again, in dependency order, each of those and each
   * plugin that was waiting, whose required dependencies are all enabled; the others wait with a
   * message saying for what. A plugin holding another's service never keeps a stale one.
   */
  private async aroundDependants(record: PluginRecord, change: () => Promise<void>): Promise<string[]> {
    const id = record.definition?.manifest.id;
    const stopped = id ? this.enabledDependants(id) : [];
    for (const r of [...stopped].reverse()) await this.deactivate(r);
    await change();
    const lines: string[] = [];
    const candidates = this.records.filter(
      (r) => r !== record && r.entry.enabled && r.definition && r.state !== 'enabled' && (stopped.includes(r) || r.waitingFor),
    );
    const { order } = orderByDependencies(this.records.filter((r) => r.definition).map((r) => r.definition!.manifest));
    for (const depId of order) {
      const r = candidates.find((c) => c.definition!.manifest.id === depId);
      if (!r) continue;
      const broken = this.brokenDependency(r);
      const was = stopped.includes(r);
      if (broken) {
        r.state = 'disabled';
        r.error = broken;
        r.waitingFor = true;
        lines.push(`${depId}: disabled until it can load again (${broken})`);
        this.deps.logger.warn({ plugin: depId }, `plugin ${depId} disabled: ${broken}`);
        void this.deps.events.emit('plugin.state', { pluginId: depId, state: 'disabled', error: broken });
        continue;
      }
      r.waitingFor = false;
      await this.activate(r);
      lines.push(r.state === 'enabled' ? `${depId}: ${was ? 'reloaded' : 'enabled again'}` : `${depId}: failed (${r.error})`);
    }
    return lines;
  }

  /** Enabled plugins that name `id` as a dependency, directly or through another, in dependency order. */
  private enabledDependants(id: string): PluginRecord[] {
    const found = new Set<string>([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of this.records) {
        const rid = r.definition?.manifest.id;
        if (!rid || found.has(rid) || r.state !== 'enabled') continue;
        if ([...allDependencies(r.definition!.manifest)].some((d) => found.has(d))) {
          found.add(rid);
          grew = true;
        }
      }
    }
    found.delete(id);
    const { order } = orderByDependencies(this.records.filter((r) => r.definition).map((r) => r.definition!.manifest));
    return order.filter((o) => found.has(o)).map((o) => this.byId(o)!);
  }

  /** Why a plugin cannot start now: a required dependency that is not enabled (null when it can). */
  private brokenDependency(record: PluginRecord): string | null {
    const manifest = record.definition!.manifest;
    for (const dep of dependencyRanges(manifest).keys()) {
      const d = this.byId(dep);
      if (d?.state === 'enabled') continue;
      const why = !d ? 'not installed' : d.state === 'failed' ? `failed: ${d.error}` : 'disabled';
      return `plugin '${manifest.id}' depends on '${dep}', which is ${why}`;
    }
    return null;
  }

  async disposeAll(): Promise<void> {
    for (const record of [...this.records].reverse()) if (record.state === 'enabled') await this.deactivate(record);
  }

  private loadDefinition(entry: PluginEntry, fresh = false): PluginRecord {
    const record: PluginRecord = { entry, definition: null, modulePath: null, state: 'disabled', error: null, store: new DisposableStore() };
    try {
      const loaded = loadPluginModule(entry, this.baseDir, fresh);
      const id = loaded.definition.manifest.id;
      const clash = this.records.find((r) => r.definition?.manifest.id === id && r.entry !== entry);
      if (clash) throw new PluginError(`plugin id '${id}' of ${entryRef(entry)} is already used by ${entryRef(clash.entry)}`);
      record.definition = loaded.definition;
      record.modulePath = loaded.modulePath;
    } catch (err) {
      this.fail(record, (err as Error).message);
    }
    return record;
  }

  private async activate(record: PluginRecord): Promise<void> {
    const def = record.definition!;
    const id = def.manifest.id;
    const logger = this.deps.logger.child({ plugin: id });
    const parsedOptions = def.configSchema
      ? def.configSchema.safeParse(record.entry.options ?? {})
      : { success: true as const, data: record.entry.options ?? {} };
    if (!parsedOptions.success) {
      const issue = parsedOptions.error.issues[0]!;
      const key = issue.path.join('.');
      const value = issue.path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k as string], record.entry.options);
      this.fail(record, `plugin '${id}' option '${key || '(options)'}' is ${JSON.stringify(value)}: ${issue.message}`);
      return;
    }
    // A plugin the database did not know at start (fixed or reloaded since) gets its tables now.
    if (this.deps.container.isRegistered(DataServices.Database.id, true)) {
      try {
        await ensurePluginSchema(this.deps.container.resolve(DataServices.Database.id), def);
      } catch (err) {
        this.fail(record, `plugin '${id}' migration failed: ${(err as Error).message}`, err);
        return;
      }
    }
    const container = this.deps.container.createChildContainer();
    container.register(CoreServices.Logger.id, { useValue: logger });
    const services = pluginResolver(id, container, this.provided, allDependencies(def.manifest));
    const missing = (def.requires ?? []).filter((token) => !services.has(token));
    if (missing.length > 0) {
      const names = missing.map((t) => `'${t.name}'`).join(', ');
      this.fail(
        record,
        `plugin '${id}' requires ${names}, which ${missing.length === 1 ? 'is' : 'are'} not available (not provided by a plugin it depends on, nor by a running core module)`,
      );
      return;
    }
    record.store = new DisposableStore();
    const api = createPluginApi({
      id,
      options: parsedOptions.data,
      logger,
      services,
      storage: createPluginStorage(
        id,
        () => this.database(id),
        () => this.coreTables(),
      ),
      provided: this.provided,
      registry: this.deps.registry,
      events: this.deps.events,
      scheduler: this.deps.scheduler,
      store: record.store,
    });
    try {
      await def.register(api);
      record.state = 'enabled';
      record.error = null;
      logger.debug(`plugin ${id} ${def.manifest.version} enabled`);
    } catch (err) {
      await record.store.dispose().catch(() => undefined);
      this.fail(record, `plugin '${id}' failed to register: ${(err as Error).message}`, err);
    }
  }

  private async deactivate(record: PluginRecord): Promise<void> {
    try {
      await record.store.dispose();
    } catch (err) {
      this.deps.logger.error({ err, plugin: record.definition?.manifest.id }, 'plugin dispose failed');
    }
    record.state = 'disabled';
  }

  private database(pluginId: string): Database {
    if (!this.deps.container.isRegistered(DataServices.Database.id, true)) throw new Error(`plugin '${pluginId}': no database in this process`);
    return this.deps.container.resolve<Database>(DataServices.Database.id);
  }

  private coreTables(): string[] {
    if (!this.deps.container.isRegistered(DataServices.Database.id, true)) return [];
    const core = new Set<unknown>(coreEntities);
    return this.database('core')
      .dataSource.entityMetadatas.filter((m) => core.has(m.target))
      .map((m) => m.tableName);
  }

  private fail(record: PluginRecord, message: string, err?: unknown): void {
    record.state = 'failed';
    record.error = message;
    this.deps.logger.error(err ? { err } : {}, message);
    void this.deps.events.emit('plugin.state', { pluginId: record.definition?.manifest.id ?? entryRef(record.entry), state: 'failed', error: message });
  }

  private find(ref: string): PluginRecord {
    const record = this.byId(ref) ?? this.records.find((r) => entryRef(r.entry) === ref);
    if (!record)
      throw new PluginError(
        `no plugin '${ref}' in ${this.deps.pluginsFile} (known: ${
          this.list()
            .map((p) => p.id)
            .join(', ') || 'none'
        })`,
      );
    return record;
  }

  private byId(id: string): PluginRecord | undefined {
    return this.records.find((r) => r.definition?.manifest.id === id);
  }

  private status(record: PluginRecord): PluginStatus {
    const id = record.definition?.manifest.id ?? entryRef(record.entry);
    return this.list().find((s) => s.id === id)!;
  }

  private save(): void {
    if (this.deps.persist === false) return;
    writePluginsFile(
      this.deps.pluginsFile,
      this.records.map((r) => r.entry),
    );
  }

  private announce(reason: string): void {
    void this.deps.events.emit('commands.changed', { reason });
  }
}
