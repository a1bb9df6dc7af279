import type { App } from '../../core/app/app';
import type { FakeClock } from '../support/fake-clock';

/** Waits (polling, no fixed sleep) until no scheduled job is running: jobs do real database I/O. */
export async function jobsIdle(app: App): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (!app.scheduler.list().some((j) => j.running)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(
    `jobs still running: ${JSON.stringify(
      app.scheduler
        .list()
        .filter((j) => j.running)
        .map((j) => j.id),
    )}`,
  );
}

/** Moves the fake clock forward in steps, letting the jobs each step started finish. */
export async function advanceInSteps(clock: FakeClock, app: App, totalMs: number, stepMs: number): Promise<void> {
  for (let done = 0; done < totalMs; done += stepMs) {
    await clock.advance(Math.min(stepMs, totalMs - done));
    await jobsIdle(app);
  }
}

export function job(app: App, id: string) {
  const state = app.scheduler.list().find((j) => j.id === id);
  if (!state) throw new Error(`no job ${id}`);
  return state;
}
