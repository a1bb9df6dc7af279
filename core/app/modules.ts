import { chartsModule } from '../charts/module';
import type { CoreModule } from './module';

/**
 * The core slices, in start order (each may use the services of those before it); stopped in
 * reverse. The foundation's own services (config, logger, events, scheduler, commands, plugins)
 * are always there.
 */
export function coreModules(): CoreModule[] {
  return [chartsModule()];
}
