import { createServiceToken } from '../plugin-api/services';
import type { EtbotConfig, Secrets } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { EventBus } from '../events/event-bus';
import type { Scheduler } from '../scheduler/scheduler';
import type { CommandRegistry } from '../commands/registry';
import type { CommandRunner } from '../commands/runner';
import type { PluginHost } from '../plugin-host/plugin-host';
import type { Clock } from '../scheduler/clock';

/** Tokens of the foundation's services. Other core modules define theirs beside their code. */
export const CoreServices = {
  Config: createServiceToken<EtbotConfig>('config'),
  Secrets: createServiceToken<Secrets>('secrets'),
  Logger: createServiceToken<Logger>('logger'),
  Clock: createServiceToken<Clock>('clock'),
  Events: createServiceToken<EventBus>('events'),
  Scheduler: createServiceToken<Scheduler>('scheduler'),
  Commands: createServiceToken<CommandRegistry>('commands'),
  CommandRunner: createServiceToken<CommandRunner>('command-runner'),
  PluginHost: createServiceToken<PluginHost>('plugin-host'),
} as const;
