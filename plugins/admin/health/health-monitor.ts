import { Colors, type AnnouncementSink, type CollectorStatusView, type DatabaseAdmin, type Logger, type Reply } from 'etbot/plugin-api';
import { checkCollector, type CheckResult } from './collector-check';

export interface HealthMonitorDeps {
  database?: () => DatabaseAdmin | undefined;
  collectors?: () => CollectorStatusView | undefined;
  announcements?: () => AnnouncementSink | undefined;
  /** Where alerts go (`discord.adminChannelId`); without it they are only logged. */
  adminChannelId?: string;
  logger: Logger;
  /** Consecutive failed checks of one component before an alert; default 3. */
  failureThreshold?: number;
}

export interface HealthReport {
  results: CheckResult[];
  /** Components that crossed the threshold in this run (an alert was raised). */
  alerted: string[];
  /** Components that were alerted and are healthy again. */
  recovered: string[];
}

interface ComponentState {
  consecutiveFailures: number;
  alerted: boolean;
}

/**
 * Checks the database and every collector; after `failureThreshold` failures in a row of one
 * component it posts an alert to the admin channel (once), and a recovery message when that
 * component passes again.
 */
export class HealthMonitor {
  private readonly states = new Map<string, ComponentState>();
  readonly failureThreshold: number;

  constructor(private readonly deps: HealthMonitorDeps) {
    this.failureThreshold = deps.failureThreshold ?? 3;
  }

  async check(): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    const db = this.deps.database?.();
    if (db) results.push({ component: 'database', ...(await db.check()) });
    for (const status of this.deps.collectors?.()?.status() ?? []) results.push(checkCollector(status));
    return results;
  }

  async run(): Promise<HealthReport> {
    const results = await this.check();
    const report: HealthReport = { results, alerted: [], recovered: [] };
    for (const r of results) {
      const state = this.states.get(r.component) ?? { consecutiveFailures: 0, alerted: false };
      this.states.set(r.component, state);
      if (r.ok) {
        if (state.alerted) {
          report.recovered.push(r.component);
          this.deps.logger.info({ component: r.component }, `health: ${r.component} recovered (${r.detail})`);
          await this.announce({ embeds: [{ title: `Recovered: ${r.component}`, description: r.detail, color: Colors.success }] });
        }
        state.consecutiveFailures = 0;
        state.alerted = false;
        continue;
      }
      state.consecutiveFailures++;
      this.deps.logger.warn(
        { component: r.component, failures: state.consecutiveFailures },
        `health: ${r.component} check failed (${state.consecutiveFailures} in a row): ${r.detail}`,
      );
      if (!state.alerted && state.consecutiveFailures >= this.failureThreshold) {
        state.alerted = true;
        report.alerted.push(r.component);
        this.deps.logger.error({ component: r.component }, `health alert: ${r.component} failed ${state.consecutiveFailures} checks in a row: ${r.detail}`);
        await this.announce({
          embeds: [
            { title: `Health alert: ${r.component}`, description: `${state.consecutiveFailures} checks failed in a row.\n${r.detail}`, color: Colors.error },
          ],
        });
      }
    }
    return report;
  }

  /** Consecutive failures and alert state per component (for `!status`). */
  state(): Record<string, ComponentState> {
    return Object.fromEntries([...this.states].map(([k, v]) => [k, { ...v }]));
  }

  private async announce(reply: Reply): Promise<void> {
    const channel = this.deps.adminChannelId;
    const announcements = this.deps.announcements?.();
    if (!channel || !announcements) {
      this.deps.logger.warn('health: no admin channel or announcements service; the message above is only logged');
      return;
    }
    try {
      await announcements.post(channel, reply);
    } catch (err) {
      this.deps.logger.error({ err }, 'health: could not post to the admin channel');
    }
  }
}
