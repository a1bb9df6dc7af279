import type { CoreModule, ModuleContext } from '../app/module';
import { CoreServices, HostServices } from '../app/tokens';
import type { CommandRunner } from '../commands/runner';
import type { Database } from '../data/database';
import { DataServices } from '../data/tokens';
import type { Disposable } from '../plugin-api/disposable';
import type { Clock } from '../scheduler/clock';
import { AuditLog } from './audit-log';
import { AuditServices } from './tokens';

/**
 * The `audit` core slice: every admin-only command (run or refused, from any plugin and transport)
 * goes into `admin_actions`. A core module rather than part of the admin plugin, so disabling that
 * plugin does not switch the audit off. List it after the data module (stopped before it).
 */
export function auditModule(): CoreModule {
  let log: AuditLog | undefined;
  let subscription: Disposable | undefined;
  return {
    name: 'audit',
    register(ctx: ModuleContext) {
      const { container } = ctx;
      log = new AuditLog({
        database: () => (container.isRegistered(DataServices.Database.id, true) ? container.resolve<Database>(DataServices.Database.id) : undefined),
        logger: ctx.logger.child({ component: 'audit' }),
        clock: container.resolve<Clock>(CoreServices.Clock.id),
      });
      container.register(AuditServices.Log.id, { useValue: log });
    },
    start(ctx: ModuleContext) {
      const runner = ctx.container.resolve<CommandRunner>(HostServices.CommandRunner.id);
      subscription = runner.onExecuted((record) => log?.record(record));
    },
    async stop() {
      await subscription?.dispose();
      subscription = undefined;
      await log?.flush();
    },
  };
}
