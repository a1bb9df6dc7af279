import { expect } from 'chai';
import { silentLogger } from '../../core/logging/create-logger';
import { Scheduler } from '../../core/scheduler/scheduler';
import { parseDuration } from '../../core/scheduler/duration';
import { FakeClock } from '../support/fake-clock';

describe('scheduler', () => {
  it('parses durations and refuses nonsense', () => {
    expect(parseDuration('5m')).to.equal(300_000);
    expect(parseDuration('1h30m')).to.equal(5_400_000);
    expect(() => parseDuration('5 minutes')).to.throw("'5 minutes' is not a duration (expected e.g. 30s, 5m, 1h, 24h)");
  });

  it('runs interval jobs on schedule under a fake clock', async () => {
    const clock = new FakeClock();
    const scheduler = new Scheduler(clock, silentLogger());
    let runs = 0;
    scheduler.add('p', { name: 'health', every: '5m', run: () => void runs++ });
    scheduler.start();
    await clock.advance(4 * 60_000);
    expect(runs).to.equal(0);
    await clock.advance(60_000);
    expect(runs).to.equal(1);
    await clock.advance(10 * 60_000);
    expect(runs).to.equal(3);
  });

  it('never overlaps a job with itself', async () => {
    const clock = new FakeClock();
    const scheduler = new Scheduler(clock, silentLogger());
    let running = 0;
    let maxRunning = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    scheduler.add('p', {
      name: 'slow',
      every: '1m',
      run: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await gate;
        running--;
      },
    });
    scheduler.start();
    await clock.advance(5 * 60_000);
    expect(maxRunning).to.equal(1);
    expect(scheduler.list()[0]!.skippedOverlaps).to.equal(4);
    release();
    await clock.advance(60_000);
    expect(scheduler.list()[0]!.runs).to.equal(2);
  });

  it('runs cron jobs at the cron times and logs failures without stopping', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 0, 0, 0));
    const scheduler = new Scheduler(clock, silentLogger(), 'UTC');
    const times: string[] = [];
    scheduler.add('p', {
      name: 'nightly',
      cron: '30 4 * * *',
      run: (ctx) => {
        times.push(ctx.scheduledAt.toISOString());
        throw new Error('disk full');
      },
    });
    scheduler.start();
    await clock.advance(2 * 24 * 3_600_000);
    expect(times).to.deep.equal(['2025-01-01T04:30:00.000Z', '2025-01-02T04:30:00.000Z']);
    expect(scheduler.list()[0]).to.include({ failures: 2, lastError: 'disk full' });
  });

  it('disposing a job stops it', async () => {
    const clock = new FakeClock();
    const scheduler = new Scheduler(clock, silentLogger());
    let runs = 0;
    const job = scheduler.add('p', { name: 'x', every: 1000, run: () => void runs++ });
    scheduler.start();
    await clock.advance(1000);
    await job.dispose();
    await clock.advance(10_000);
    expect(runs).to.equal(1);
    expect(clock.pendingTimers).to.equal(0);
  });
});
