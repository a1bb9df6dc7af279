import { createServiceToken } from '../plugin-api/services';
import type { Secrets } from '../config/schema';
import type { EventBus } from '../events/event-bus';
import type { Scheduler } from '../scheduler/scheduler';
import type { CommandRegistry } from '../commands/registry';
import type { CommandRunner } from '../commands/runner';
import type { PluginHost } from '../plugin-host/plugin-host';

export { CoreServices } from '../plugin-api/core-services';

/**
 * The host's own services: core modules use them, plugins never get them (they are not in
 * `etbot/plugin-api`; what a plugin needs of them comes as a narrow service).
 */
export const HostServices = {
  Secrets: createServiceToken<Secrets>('secrets'),
  Events: createServiceToken<EventBus>('events'),
  Scheduler: createServiceToken<Scheduler>('scheduler'),
  CommandRegistry: createServiceToken<CommandRegistry>('command-registry'),
  CommandRunner: createServiceToken<CommandRunner>('command-runner'),
  PluginHost: createServiceToken<PluginHost>('plugin-host'),
} as const;
