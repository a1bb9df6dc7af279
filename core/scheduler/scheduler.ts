import { Cron } from 'croner';
import type { Disposable } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';
import type { JobDefinition } from '../plugin-api/jobs';
import type { Logger } from '../logging/logger';
import type { Clock } from './clock';
import { parseDuration } from './duration';

export interface JobState {
  id: string;
  owner: string;
  schedule: string;
  running: boolean;
  runs: number;
  failures: number;
  skippedOverlaps: number;
  nextRunAt: number | null;
  lastRunAt: number | null;
  lastError: string | null;
}

interface ScheduledJob {
  state: JobState;
  definition: JobDefinition;
  nextDue: (from: number) => number | null;
  timer: unknown;
  current: Promise<void> | null;
  disposed: boolean;
}

/**
 * Runs plugin jobs by interval or cron. A job never overlaps itself (a due run while the previous
 * one is still going is skipped and counted), failures are logged, and disposing a job stops it.
 */
export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private started = false;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timezone = 'UTC',
  ) {}

  add(owner: string, definition: JobDefinition): Disposable {
    const id = `${owner}:${definition.name}`;
    if (this.jobs.has(id)) throw new Error(`job '${definition.name}' is already registered by ${owner}`);
    const { nextDue, schedule } = this.compile(definition);
    const job: ScheduledJob = {
      definition,
      nextDue,
      timer: null,
      current: null,
      disposed: false,
      state: { id, owner, schedule, running: false, runs: 0, failures: 0, skippedOverlaps: 0, nextRunAt: null, lastRunAt: null, lastError: null },
    };
    this.jobs.set(id, job);
    if (this.started) this.arm(job, definition.runOnStart === true);
    return toDisposable(async () => {
      job.disposed = true;
      if (job.timer !== null) this.clock.clearTimeout(job.timer);
      job.timer = null;
      this.jobs.delete(id);
      await job.current;
    });
  }

  /** Jobs added before start wait for it (the bot starts scheduling once everything is loaded). */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.arm(job, job.definition.runOnStart === true);
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const job of this.jobs.values()) {
      if (job.timer !== null) this.clock.clearTimeout(job.timer);
      job.timer = null;
    }
    await Promise.all([...this.jobs.values()].map((j) => j.current));
  }

  /** Runs a job now (admin command, tests); resolves when it finished. Skips if it is running. */
  async runNow(id: string): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job '${id}'`);
    return this.execute(job, this.clock.now());
  }

  list(): JobState[] {
    return [...this.jobs.values()].map((j) => ({ ...j.state }));
  }

  countOwnedBy(owner: string): number {
    return [...this.jobs.values()].filter((j) => j.state.owner === owner).length;
  }

  private compile(definition: JobDefinition): { nextDue: (from: number) => number | null; schedule: string } {
    if ((definition.every === undefined) === (definition.cron === undefined)) {
      throw new Error(`job '${definition.name}' needs exactly one of 'every' or 'cron'`);
    }
    if (definition.every !== undefined) {
      const ms = parseDuration(definition.every);
      return { nextDue: (from) => from + ms, schedule: `every ${typeof definition.every === 'number' ? `${ms}ms` : definition.every}` };
    }
    let cron: Cron;
    try {
      cron = new Cron(definition.cron!, { paused: true, timezone: this.timezone });
    } catch (err) {
      throw new Error(`job '${definition.name}': '${definition.cron}' is not a cron expression (${(err as Error).message})`, { cause: err });
    }
    return {
      nextDue: (from) => cron.nextRun(new Date(from))?.getTime() ?? null,
      schedule: `cron ${definition.cron}`,
    };
  }

  private arm(job: ScheduledJob, immediately: boolean): void {
    if (job.disposed || !this.started) return;
    const now = this.clock.now();
    const due = immediately ? now : job.nextDue(now);
    job.state.nextRunAt = due;
    if (due === null) return;
    job.timer = this.clock.setTimeout(
      () => {
        job.timer = null;
        void this.execute(job, due).finally(() => undefined);
        this.arm(job, false);
      },
      Math.max(0, due - now),
    );
  }

  private async execute(job: ScheduledJob, scheduledAt: number): Promise<boolean> {
    if (job.current) {
      job.state.skippedOverlaps++;
      this.logger.warn({ job: job.state.id }, `job ${job.state.id} is still running; this run is skipped`);
      return false;
    }
    job.state.running = true;
    job.state.lastRunAt = this.clock.now();
    const logger = this.logger.child({ job: job.state.id });
    const run = (async () => {
      try {
        await job.definition.run({ logger, scheduledAt: new Date(scheduledAt) });
        job.state.lastError = null;
      } catch (err) {
        job.state.failures++;
        job.state.lastError = (err as Error)?.message ?? String(err);
        logger.error({ err }, `job ${job.state.id} failed`);
      } finally {
        job.state.runs++;
      }
    })();
    job.current = run;
    try {
      await run;
    } finally {
      if (job.current === run) job.current = null;
      job.state.running = false;
    }
    return true;
  }
}
