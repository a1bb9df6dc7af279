import { CoreServices, definePlugin, ETBOT_VERSION } from 'etbot/plugin-api';
import { AdminActions1764300000000 } from './audit/1764300000000-admin-actions';
import { AdminAction } from './audit/admin-action';
import { AuditLog } from './audit/audit-log';
import { auditCommand } from './commands/audit';
import { cacheCommand } from './commands/cache';
import { configCommand } from './commands/config';
import { importCommand } from './commands/import';
import { pluginCommand, pluginsCommand } from './commands/plugins';
import { regroupCommand } from './commands/regroup';
import { identitiesCommand } from './commands/identities';
import { mergeCommand } from './commands/merge';
import { unmergeCommand } from './commands/unmerge';
import { reimportCommand } from './commands/reimport';
import { rejectedCommand } from './commands/rejected';
import { statusCommand } from './commands/status';
import { adminJobs } from './jobs';
import { adminOptionsSchema, type AdminOptions } from './options';
import { adminRequires, adminServices } from './services';

/**
 * Admin commands (all admin-only, category `admin`), the audit log of every admin-only command of
 * any plugin, and the operational jobs: health check, database maintenance with SQLite backups,
 * and the metrics log.
 */
export default definePlugin<AdminOptions>({
  manifest: {
    id: 'admin',
    version: '1.2.0',
    apiVersion: '^2.0.0',
    description: 'Admin commands (!status, !import, !plugin, !config, ...), the audit log, and the health, maintenance and metrics jobs',
  },
  configSchema: adminOptionsSchema as never,
  requires: adminRequires,
  entities: [AdminAction],
  migrations: [AdminActions1764300000000],
  register(api) {
    const audit = new AuditLog(api.storage, api.logger.child({ component: 'audit' }), api.services.get(CoreServices.Clock));
    api.on('command.executed', (record) => audit.record(record));
    api.onDispose(() => audit.flush());
    const s = adminServices(api, audit);
    const pageSize = api.options.pageSize;
    api.command(statusCommand(s, ETBOT_VERSION));
    api.command(importCommand(s));
    api.command(reimportCommand(s));
    api.command(rejectedCommand(s, pageSize));
    api.command(pluginsCommand(s));
    api.command(pluginCommand(s));
    api.command(cacheCommand(s));
    api.command(regroupCommand(s));
    api.command(mergeCommand(s));
    api.command(unmergeCommand(s));
    api.command(identitiesCommand(s));
    api.command(configCommand(s));
    api.command(auditCommand(s, pageSize));
    for (const job of adminJobs(api, s).jobs) api.job(job);
  },
});
