import type { DependencyContainer } from 'tsyringe';
import type { ArgumentDefinition, CommandDefinition } from '../plugin-api/commands';
import type { Disposable, DisposableStore } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';
import type { EventHandler, EventMap, EventName } from '../plugin-api/events';
import type { JobDefinition } from '../plugin-api/jobs';
import type { PluginApi } from '../plugin-api/plugin';
import type { ServiceResolver, ServiceToken } from '../plugin-api/services';
import type { Logger } from '../logging/logger';
import type { CommandRegistry } from '../commands/registry';
import type { EventBus } from '../events/event-bus';
import type { Scheduler } from '../scheduler/scheduler';

export function containerResolver(container: DependencyContainer): ServiceResolver {
  return {
    get<T>(token: ServiceToken<T>): T {
      if (!container.isRegistered(token.id, true)) throw new Error(`service '${token.name}' is not available (is its core module running?)`);
      return container.resolve<T>(token.id);
    },
    has: (token) => container.isRegistered(token.id, true),
  };
}

interface ApiDeps {
  id: string;
  options: unknown;
  logger: Logger;
  container: DependencyContainer;
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
    services: containerResolver(deps.container),
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
    onDispose(fn) {
      return track(toDisposable(fn));
    },
  };
}
