import type { EtbotConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { Clock } from '../scheduler/clock';
import type { CommandDefinition } from './commands';
import { createServiceToken } from './services';

/** A registered command as the catalog shows it. */
export interface CatalogCommand {
  pluginId: string;
  definition: CommandDefinition;
}

/** The commands registered now, read-only (for `!help` and the like). */
export interface CommandCatalog {
  list(): CatalogCommand[];
  /** By name or alias. */
  find(nameOrAlias: string): CatalogCommand | undefined;
  /** `!top <stat> [page] [period]` */
  usage(command: CatalogCommand): string;
  readonly prefix: string;
}

/** Core services every plugin may use. Secrets and the plugin host are not among them. */
export const CoreServices = {
  /** The effective configuration (no secrets: those are kept apart and never handed to plugins). */
  Config: createServiceToken<EtbotConfig>('config'),
  /** The plugin's own logger (its plugin id on every line). */
  Logger: createServiceToken<Logger>('logger'),
  Clock: createServiceToken<Clock>('clock'),
  Commands: createServiceToken<CommandCatalog>('commands'),
} as const;
