import { definePlugin, PLUGIN_API_VERSION } from '../../core/plugin-api';
import { auditCommand } from './commands/audit';
import { cacheCommand } from './commands/cache';
import { configCommand } from './commands/config';
import { importCommand } from './commands/import';
import { pluginCommand, pluginsCommand } from './commands/plugins';
import { regroupCommand } from './commands/regroup';
import { reimportCommand } from './commands/reimport';
import { rejectedCommand } from './commands/rejected';
import { statusCommand } from './commands/status';
import { adminJobs } from './jobs';
import { adminOptionsSchema, type AdminOptions } from './options';
import { adminServices } from './services';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../../package.json') as { version: string };

/**
 * Admin commands (all admin-only, category `admin`) and the operational jobs: health check,
 * database maintenance with SQLite backups, and the metrics log.
 */
export default definePlugin<AdminOptions>({
  manifest: {
    id: 'admin',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: 'Admin commands (!status, !import, !plugin, !config, ...) and the health, maintenance and metrics jobs',
  },
  configSchema: adminOptionsSchema as never,
  register(api) {
    const s = adminServices(api);
    const pageSize = api.options.pageSize;
    api.command(statusCommand(s, version));
    api.command(importCommand(s));
    api.command(reimportCommand(s));
    api.command(rejectedCommand(s, pageSize));
    api.command(pluginsCommand(s));
    api.command(pluginCommand(s));
    api.command(cacheCommand(s));
    api.command(regroupCommand(s));
    api.command(configCommand(s));
    api.command(auditCommand(s, pageSize));
    for (const job of adminJobs(api, s).jobs) api.job(job);
  },
});
