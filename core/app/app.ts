import { AdminTokens, PluginControlError, type ConfigView, type JobCatalog, type PluginControl } from '../plugin-api/admin';
import { maskedConfigJson } from '../config/masked-config-json';
import type { CommandCatalog } from '../plugin-api/core-services';
import { HostServices } from './tokens';
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { EtbotConfig, Secrets } from '../config/schema';
import type { Logger } from '../logging/logger';
import { CommandRegistry } from '../commands/registry';
import { CommandRunner } from '../commands/runner';
import { EventBus } from '../events/event-bus';
import { PluginError, PluginHost } from '../plugin-host/plugin-host';
import type { PluginEntry } from '../plugin-host/plugins-file';
import { systemClock, type Clock } from '../scheduler/clock';
import { Scheduler } from '../scheduler/scheduler';
import type { AppMode, CoreModule, ModuleContext } from './module';
import { coreModules } from './modules';
import { CoreServices } from './tokens';

export interface AppOptions {
  config: EtbotConfig;
  secrets: Secrets;
  logger: Logger;
  mode: AppMode;
  clock?: Clock;
  /** Core modules; default: all of them (core/app/modules.ts). */
  modules?: CoreModule[];
  /** Plugin entries to load instead of reading config.pluginsFile. */
  pluginEntries?: PluginEntry[];
}

/** The composition root: one DI container with every core service, the modules, and the plugins. */
export class App {
  readonly container: DependencyContainer;
  readonly events: EventBus;
  readonly scheduler: Scheduler;
  readonly registry: CommandRegistry;
  readonly runner: CommandRunner;
  readonly plugins: PluginHost;
  private readonly modules: CoreModule[];
  private readonly moduleContext: ModuleContext;
  private readonly started: CoreModule[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: AppOptions) {
    const { config, logger } = options;
    const clock = options.clock ?? systemClock;
    this.container = rootContainer.createChildContainer();
    this.events = new EventBus(logger);
    this.scheduler = new Scheduler(clock, logger.child({ component: 'scheduler' }), config.timezone);
    this.registry = new CommandRegistry();
    this.runner = new CommandRunner(this.registry, logger, clock, {
      prefix: config.discord.prefix,
      categoryChannels: config.discord.categoryChannels,
    });
    this.runner.onExecuted(
      (r) =>
        void this.events.emit('command.executed', {
          command: r.command,
          pluginId: r.pluginId,
          caller: { id: r.caller.id, name: r.caller.name },
          transport: r.transport,
          adminOnly: r.adminOnly,
          outcome: r.outcome,
          durationMs: r.durationMs,
          input: r.input,
          error: r.error,
        }),
    );
    this.plugins = new PluginHost({
      container: this.container,
      registry: this.registry,
      events: this.events,
      scheduler: this.scheduler,
      logger,
      pluginsFile: config.pluginsFile,
      persist: options.pluginEntries === undefined,
    });
    const c = this.container;
    c.register(CoreServices.Config.id, { useValue: config });
    c.register(HostServices.Secrets.id, { useValue: options.secrets });
    c.register(CoreServices.Logger.id, { useValue: logger });
    c.register(CoreServices.Clock.id, { useValue: clock });
    c.register(HostServices.Events.id, { useValue: this.events });
    c.register(HostServices.Scheduler.id, { useValue: this.scheduler });
    c.register(HostServices.CommandRegistry.id, { useValue: this.registry });
    const registry = this.registry;
    const runner = this.runner;
    const catalog: CommandCatalog = {
      list: () => registry.list(),
      find: (name) => registry.find(name),
      usage: (command) => runner.usage(command),
      get prefix() {
        return runner.prefix;
      },
    };
    c.register(CoreServices.Commands.id, { useValue: catalog });
    const host = this.plugins;
    const scheduler = this.scheduler;
    const controlled = async <T>(change: () => Promise<T>): Promise<T> => {
      try {
        return await change();
      } catch (err) {
        throw err instanceof PluginError ? new PluginControlError(err.message) : err;
      }
    };
    const plugins: PluginControl = {
      list: () => host.list(),
      enable: (ref) => controlled(() => host.enable(ref)),
      disable: (ref) => controlled(() => host.disable(ref)),
      reload: (ref) => controlled(() => host.reload(ref)),
    };
    c.register(AdminTokens.Plugins.id, { useValue: plugins });
    c.register(AdminTokens.Jobs.id, { useValue: { list: () => scheduler.list() } satisfies JobCatalog });
    const configView: ConfigView = { maskedJson: () => maskedConfigJson(config, options.secrets) };
    c.register(AdminTokens.Configuration.id, { useValue: configView });
    c.register(HostServices.CommandRunner.id, { useValue: this.runner });
    c.register(HostServices.PluginHost.id, { useValue: this.plugins });
    this.modules = options.modules ?? coreModules();
    this.moduleContext = { container: c, config, secrets: options.secrets, logger, mode: options.mode };
  }

  get config(): EtbotConfig {
    return this.options.config;
  }

  get logger(): Logger {
    return this.options.logger;
  }

  get mode(): AppMode {
    return this.options.mode;
  }

  /**
   * Loads the plugins' code (so the database knows their entities), registers and starts the
   * modules, registers the plugins, and (in start mode) runs the scheduler.
   */
  async start(): Promise<void> {
    if (this.options.pluginEntries) this.plugins.prepare(this.options.pluginEntries);
    else this.plugins.prepareFromFile();
    for (const module of this.modules) await module.register(this.moduleContext);
    for (const module of this.modules) {
      await module.start?.(this.moduleContext);
      this.started.push(module);
    }
    await this.plugins.activateAll();
    if (this.options.mode === 'start') this.scheduler.start();
  }

  /** Stops jobs, plugins and modules in reverse order; safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.scheduler.stop();
      await this.plugins.disposeAll();
      for (const module of [...this.started].reverse()) {
        try {
          await module.stop?.(this.moduleContext);
        } catch (err) {
          this.logger.error({ err, module: module.name }, `module ${module.name} failed to stop`);
        }
      }
      this.container.dispose();
    })();
    return this.stopping;
  }
}
