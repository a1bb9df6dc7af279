import { announcementsModule } from '../announcements/module';
import { collectorsModule } from '../collectors/module';
import { queriesModule } from '../queries/module';
import { cacheModule } from '../cache/module';
import { databaseModule } from '../data/module';
import { chartsModule } from '../charts/module';
import { metricsModule } from '../metrics/module';
import { discordModule } from '../transports/discord/discord-module';
import type { CoreModule } from './module';

/**
 * The core slices, in start order (each may use the services of those before it); stopped in
 * reverse. The foundation's own services (config, logger, events, scheduler, commands, plugins)
 * are always there.
 */
export function coreModules(): CoreModule[] {
  // Discord last: it starts the bot, which may use every other slice's services.
  // metrics after the database, collectors and cache (it uses them).
  return [databaseModule(), cacheModule(), queriesModule(), collectorsModule(), chartsModule(), announcementsModule(), metricsModule(), discordModule()];
}
