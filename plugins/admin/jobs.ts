import type { JobDefinition, PluginApi } from 'etbot/plugin-api';
import { HealthMonitor } from './health/health-monitor';
import { runDatabaseMaintenance } from './maintenance/database-maintenance';
import type { AdminOptions } from './options';
import type { AdminServiceSet } from './services';

/** The admin plugin's scheduled jobs (ids `admin:health-check`, `admin:db-maintenance`, `admin:metrics-log`). */
export function adminJobs(api: PluginApi<AdminOptions>, s: AdminServiceSet): { jobs: JobDefinition[]; health: HealthMonitor } {
  const o = api.options;
  const health = new HealthMonitor({
    database: s.database,
    collectors: s.collectors,
    announcements: s.announcements,
    adminChannelId: s.config.discord.adminChannelId,
    logger: api.logger.child({ component: 'health' }),
    failureThreshold: o.healthFailureThreshold,
  });

  const healthCheck: JobDefinition = {
    name: 'health-check',
    every: o.healthEvery,
    async run({ logger }) {
      const report = await health.run();
      logger.debug({ results: report.results }, 'health check done');
    },
  };

  const maintenance: JobDefinition = {
    name: 'db-maintenance',
    every: o.maintenanceEvery,
    async run({ logger }) {
      const db = s.database();
      if (!db) {
        logger.debug('database maintenance: no database in this process');
        return;
      }
      const report = await runDatabaseMaintenance(db, { dataDir: s.config.dataDir, keepBackups: o.keepBackups, now: new Date(s.clock.now()) });
      logger.info({ steps: report.steps, removed: report.removedBackups.length }, `database maintenance done: ${report.steps.join(', ')}`);
    },
  };

  // Job failures are counted by the scheduler; the log reports those since the previous line.
  const jobFailures = () => s.jobs.list().reduce((n, j) => n + j.failures, 0);
  let failuresBefore = jobFailures();
  const metricsLog: JobDefinition = {
    name: 'metrics-log',
    every: o.metricsEvery,
    run({ logger }) {
      const metrics = s.metrics();
      if (!metrics) return;
      const failuresNow = jobFailures();
      const failedJobs = Math.max(0, failuresNow - failuresBefore);
      failuresBefore = failuresNow;
      const w = metrics.takeWindow();
      const ms = (v: number | null) => (v === null ? '-' : `${Math.round(v)}ms`);
      logger.info(
        { metrics: { ...w, failedJobs } },
        `metrics since ${w.since}: ${w.imports} imports, ${w.rejects} rejects, ${w.duplicates} duplicates, ${w.commands} commands ` +
          `(reply p50 ${ms(w.latencyP50Ms)}, p95 ${ms(w.latencyP95Ms)}), ${w.errors} command errors, ${failedJobs} failed job runs`,
      );
    },
  };

  return { jobs: [healthCheck, maintenance, metricsLog], health };
}
