import type { DependencyContainer } from 'tsyringe';
import type { ArgumentDefinition, CommandDefinition } from '../plugin-api/commands';
import type { Disposable, DisposableStore } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';
import type { EventHandler, EventMap, EventName } from '../plugin-api/events';
import type { JobDefinition } from '../plugin-api/jobs';
import type { PluginApi } from '../plugin-api/plugin';
import type { ServiceResolver, ServiceToken } from '../plugin-api/services';
import type { PluginStorage } from '../plugin-api/storage';
import type { Logger } from '../logging/logger';
import type { CommandRegistry } from '../commands/registry';
import type { EventBus } from '../events/event-bus';
import type { Scheduler } from '../scheduler/scheduler';
import type { ProvidedServices } from './provided-services';

/**
 * What a plugin may resolve: services other plugins provide (only from the plugins it names as
 * dependencies, so the host knows whom to disable when a provider goes) and core services from
 * its child container.
 */
export function pluginResolver(
  pluginId: string,
  container: DependencyContainer,
  provided: ProvidedServices,
  dependencies: ReadonlySet<string>,
): ServiceResolver {
  const lookup = <T>(token: ServiceToken<T>): { found: true; value: T } | { found: false; why: string } => {
    const provision = provided.find(token);
    if (provision) {
      if (provision.owner === pluginId || dependencies.has(provision.owner)) return { found: true, value: provision.value as T };
      return {
        found: false,
        why: `service '${token.name}' is provided by plugin '${provision.owner}', which plugin '${pluginId}' does not name in dependsOn or optionalDependsOn`,
      };
    }
    if (container.isRegistered(token.id, true)) return { found: true, value: container.resolve<T>(token.id) };
    return { found: false, why: `service '${token.name}' is not available (no enabled plugin provides it and no core module registers it)` };
  };
  return {
    get<T>(token: ServiceToken<T>): T {
      const r = lookup(token);
      if (!r.found) throw new Error(r.why);
      return r.value;
    },
    getOptional<T>(token: ServiceToken<T>): T | undefined {
      const r = lookup(token);
      return r.found ? r.value : undefined;
    },
    has: (token) => lookup(token).found,
  };
}

interface ApiDeps {
  id: string;
  options: unknown;
  logger: Logger;
  services: ServiceResolver;
  storage: PluginStorage;
  provided: ProvidedServices;
  registry: CommandRegistry;
  events: EventBus;
  scheduler: Scheduler;
  /** Everything registered through this api; disposed with the plugin. */
  store: DisposableStore;
}

/** The object a plugin's register(api) receives; every registration lands in the plugin's store. */
export function createPluginApi<TOptions>(deps: ApiDeps): PluginApi<TOptions> {
  const { id, store } = deps;
  const track = (d: Disposable): Disposable => {
    store.add(d);
    return d;
  };
  return {
    id,
    options: deps.options as TOptions,
    logger: deps.logger,
    services: deps.services,
    storage: deps.storage,
    command<A extends readonly ArgumentDefinition[]>(definition: CommandDefinition<A>) {
      return track(deps.registry.register(id, definition as unknown as CommandDefinition));
    },
    job(definition: JobDefinition) {
      return track(deps.scheduler.add(id, definition));
    },
    on<E extends EventName>(event: E, handler: EventHandler<E>) {
      return track(deps.events.on(event, handler, id));
    },
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      return deps.events.emit(event, payload);
    },
    provide<T>(token: ServiceToken<T>, implementation: T) {
      return track(toDisposable(deps.provided.add(id, token as ServiceToken<unknown>, implementation)));
    },
    onDispose(fn) {
      return track(toDisposable(fn));
    },
  };
}
