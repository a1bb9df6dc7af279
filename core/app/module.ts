import type { DependencyContainer } from 'tsyringe';
import type { EtbotConfig, Secrets } from '../config/schema';
import type { Logger } from '../logging/logger';

/** Why the app was started: a one-shot CLI command or the long-running bot. */
export type AppMode = 'run' | 'start' | 'cli' | 'test';

export interface ModuleContext {
  container: DependencyContainer;
  config: EtbotConfig;
  secrets: Secrets;
  logger: Logger;
  mode: AppMode;
}

/**
 * A slice of the core (data layer, importer, collectors, Discord, ...). The app registers every
 * module's services, then starts them in order and stops them in reverse.
 */
export interface CoreModule {
  name: string;
  register(ctx: ModuleContext): void | Promise<void>;
  start?(ctx: ModuleContext): void | Promise<void>;
  stop?(ctx: ModuleContext): void | Promise<void>;
}
