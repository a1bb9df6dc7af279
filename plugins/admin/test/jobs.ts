import { AdminServices, type JobInfo, type ServiceResolver } from 'etbot/plugin-api';
import type { ManualClock } from 'etbot/testing';

/** Waits (polling, no fixed sleep) until no scheduled job is running: jobs do real database I/O. */
export async function jobsIdle(services: ServiceResolver): Promise<void> {
  const jobs = services.get(AdminServices.Jobs);
  for (let i = 0; i < 6000; i++) {
    if (!jobs.list().some((j) => j.running)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(
    `jobs still running: ${JSON.stringify(
      jobs
        .list()
        .filter((j) => j.running)
        .map((j) => j.id),
    )}`,
  );
}

/** Moves the manual clock forward in steps, letting the jobs each step started finish. */
export async function advanceInSteps(clock: ManualClock, services: ServiceResolver, totalMs: number, stepMs: number): Promise<void> {
  for (let done = 0; done < totalMs; done += stepMs) {
    await clock.advance(Math.min(stepMs, totalMs - done));
    await jobsIdle(services);
  }
}

export function job(services: ServiceResolver, id: string): JobInfo {
  const state = services
    .get(AdminServices.Jobs)
    .list()
    .find((j) => j.id === id);
  if (!state) throw new Error(`no job ${id}`);
  return state;
}
