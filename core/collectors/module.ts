import { AdminTokens } from '../plugin-api/admin';
import type { CoreModule, ModuleContext } from '../app/module';
import { HostServices } from '../app/tokens';
import type { Database } from '../data/database';
import { DataServices } from '../data/tokens';
import type { EventBus } from '../events/event-bus';
import type { Importer } from '../ingest/importer';
import { CollectorManager } from './collector-manager';
import { FetchedRemoteFileStore } from './data/fetched-remote-file-store';
import { CollectorServices } from './tokens';
import type { FileSink } from './types';

/**
 * The `collectors` core slice. The manager is always registered (so `!status` can list the
 * collectors); they only run when the bot is started (`etbot start`). Needs the data module
 * (database and importer) registered before it.
 */
export function collectorsModule(): CoreModule {
  let manager: CollectorManager | undefined;
  return {
    name: 'collectors',
    register(ctx: ModuleContext) {
      const { container, config, logger } = ctx;
      const sink: FileSink = {
        importFile: (file, opts) => container.resolve<Importer>(DataServices.Importer.id).importFile(file, opts),
        recordRejected: (name, reason, opts) => container.resolve<Importer>(DataServices.Importer.id).recordRejected(name, reason, opts),
      };
      let store: FetchedRemoteFileStore | undefined;
      const lazyStore = () => (store ??= new FetchedRemoteFileStore(container.resolve<Database>(DataServices.Database.id)));
      manager = new CollectorManager({
        sink,
        store: { list: (c) => lazyStore().list(c), record: (c, f) => lazyStore().record(c, f) },
        emit: (name, payload) => void container.resolve<EventBus>(HostServices.Events.id).emit(name, payload),
        logger: logger.child({ component: 'collectors' }),
        dataDir: config.dataDir,
        maxFileBytes: config.import.maxFileBytes,
      }).configure(config.collectors);
      container.register(CollectorServices.Manager.id, { useValue: manager });
      container.register(AdminTokens.Collectors.id, { useValue: { status: () => manager!.status() } });
    },
    async start(ctx: ModuleContext) {
      if (ctx.mode === 'start') await manager?.start();
    },
    async stop() {
      await manager?.stop();
    },
  };
}
