import path from 'node:path';
import type { CoreModule, ModuleContext } from '../app/module';
import { HostServices } from '../app/tokens';
import type { EventBus } from '../events/event-bus';
import { Importer } from '../ingest/importer';
import type { PluginHost } from '../plugin-host/plugin-host';
import { ImportsService } from '../ingest/imports-service';
import { IngestServices } from '../ingest/tokens';
import { IdentitiesService } from '../ingest/identities/identities-service';
import { openDatabase, type Database } from './database';
import { DatabaseAdmin } from './database-admin';
import { BotRule } from '../queries/bots';
import { DataServices } from './tokens';

/**
 * The `database` core slice: opens the database the config names (DATABASE_URL wins), with the
 * entities and migrations of core and of the loaded plugins; runs pending migrations at start;
 * provides the Database, its DataSource and the Importer (events go to the app's EventBus).
 */
export function databaseModule(): CoreModule {
  let db: Database | undefined;
  return {
    name: 'database',
    async register(ctx: ModuleContext) {
      const c = ctx.container;
      const plugins = c.isRegistered(HostServices.PluginHost.id, true) ? c.resolve<PluginHost>(HostServices.PluginHost.id).definitions() : [];
      db = await openDatabase({
        url: ctx.config.database.url,
        envUrl: ctx.secrets.databaseUrl ?? process.env.DATABASE_URL,
        dataDir: ctx.config.dataDir,
        logging: ctx.config.database.logging,
        entities: plugins.flatMap((p) => [...(p.entities ?? [])]),
        migrations: plugins.flatMap((p) => [...(p.migrations ?? [])]) as (new () => object)[],
        migrate: false,
      });
      ctx.logger.info({ database: db.description }, `database: ${db.description}`);
      if (db.readOnly)
        ctx.logger.warn(
          { database: db.description },
          `database: ${db.description} is read-only: commands that read work; imports and other writes are unavailable`,
        );
      const events = c.resolve<EventBus>(HostServices.Events.id);
      const importer = new Importer(
        db,
        {
          timezone: ctx.config.timezone,
          pairingWindowMinutes: ctx.config.import.pairingWindowMinutes,
          sessionGapMinutes: ctx.config.import.sessionGapMinutes,
          maxFileBytes: ctx.config.import.maxFileBytes,
          markerDir: path.join(ctx.config.dataDir, 'importing'),
          bots: new BotRule(ctx.config.players),
        },
        events,
        { logger: ctx.logger },
      );
      c.register(DataServices.Database.id, { useValue: db });
      c.register(DataServices.DataSource.id, { useValue: db.dataSource });
      c.register(DataServices.Importer.id, { useValue: importer });
      c.register(DataServices.Admin.id, { useValue: new DatabaseAdmin(db) });
      c.register(IngestServices.Imports.id, { useValue: new ImportsService(importer, db) });
      c.register(IngestServices.Identities.id, { useValue: new IdentitiesService(db, importer.bots, events) });
    },
    async start(ctx: ModuleContext) {
      const ran = await db!.migrate();
      if (ran.length > 0) ctx.logger.info({ migrations: ran }, `database: ran ${ran.length} migration(s)`);
      const importer = ctx.container.resolve<Importer>(DataServices.Importer.id);
      for (const o of await importer.recordInterruptedImports()) {
        ctx.logger.warn({ file: o.file, status: o.status }, `the previous run stopped while importing ${o.file}: recorded as rejected, not tried again`);
      }
    },
    async stop() {
      await db?.close();
      db = undefined;
    },
  };
}
