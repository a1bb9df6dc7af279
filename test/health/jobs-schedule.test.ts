import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Announcements } from '../../core/announcements/announcements';
import { AnnouncementServices } from '../../core/announcements/tokens';
import type { App } from '../../core/app/app';
import type { Reply } from '../../core/plugin-api/reply';
import { memoryLogger, startAdminApp, tempDir } from '../admin/admin-app';
import { forEachDatabase } from '../support/databases';
import { FakeClock } from '../support/fake-clock';
import { databaseBreaker } from './break-database';
import { advanceInSteps, jobsIdle, job } from './settle';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

forEachDatabase('admin jobs on schedule (fake clock)', (db) => {
  let app: App;
  let clock: FakeClock;
  let dataDir: string;
  let logs: () => string;

  before(async () => {
    await db.reset();
    clock = new FakeClock(Date.UTC(2025, 0, 1, 0, 0, 0));
    dataDir = tempDir('admin-jobs');
    const logger = memoryLogger('info');
    logs = logger.lines;
    app = await startAdminApp({ databaseUrl: db.url, clock, mode: 'start', dataDir, logger: logger.logger });
  });
  after(async () => app?.stop());

  it('registers the three jobs with their schedules', () => {
    expect(app.scheduler.list().filter((j) => j.owner === 'admin').map((j) => [j.id, j.schedule])).to.deep.equal([
      ['admin:health-check', 'every 5m'],
      ['admin:db-maintenance', 'every 24h'],
      ['admin:metrics-log', 'every 1h'],
    ]);
  });

  it('runs health every 5 minutes, metrics every hour and maintenance once a day, never overlapping', async function () {
    this.timeout(300_000);
    await advanceInSteps(clock, app, 24 * HOUR, 5 * MINUTE);
    // 24 h / 5 min = 288 health checks; 24 metrics logs; 1 maintenance.
    expect(job(app, 'admin:health-check')).to.include({ runs: 288, failures: 0, skippedOverlaps: 0 });
    expect(job(app, 'admin:metrics-log')).to.include({ runs: 24, failures: 0, skippedOverlaps: 0 });
    expect(job(app, 'admin:db-maintenance')).to.include({ runs: 1, failures: 0, skippedOverlaps: 0 });
    expect(logs().match(/"msg":"metrics since /g)).to.have.length(24);
    expect(logs()).to.contain('"msg":"metrics since 2025-01-01T00:00:00.000Z: 0 imports, 0 rejects, 0 duplicates, 0 commands');
    const backups = fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')) : [];
    // The backup is named by the fake clock's time of the run: 24 h after the start.
    expect(backups).to.deep.equal(db.kind === 'sqlite' ? ['etbot-20250102T000000Z.sqlite'] : []);
  });

  it('skips a due run while the previous one is still going, then goes on', async () => {
    const announcements = app.container.resolve<Announcements>(AnnouncementServices.Announcements.id);
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const posted: Reply[] = [];
    const sink = announcements.attach({
      post: async (_channel, reply) => {
        posted.push(reply);
        await blocked;
      },
    });
    const breaker = databaseBreaker(db);
    const before = job(app, 'admin:health-check');
    await breaker.breakIt();
    try {
      // Three failures raise the alert, whose post hangs: the health job is still running.
      await advanceInSteps(clock, app, 10 * MINUTE, 5 * MINUTE);
      await clock.advance(5 * MINUTE);
      for (let i = 0; i < 1000 && posted.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(posted).to.have.length(1);
      expect(job(app, 'admin:health-check').running).to.equal(true);
      await clock.advance(5 * MINUTE);
      await clock.advance(5 * MINUTE);
      const during = job(app, 'admin:health-check');
      expect(during.skippedOverlaps - before.skippedOverlaps).to.equal(2);
      expect(during.runs - before.runs).to.equal(2);
      release();
      await jobsIdle(app);
      expect(job(app, 'admin:health-check').runs - before.runs).to.equal(3);
    } finally {
      release();
      await jobsIdle(app);
      await breaker.restore();
      await sink.dispose();
    }
    await advanceInSteps(clock, app, 5 * MINUTE, 5 * MINUTE);
    expect(job(app, 'admin:health-check').runs - before.runs).to.equal(4);
    expect(job(app, 'admin:health-check').skippedOverlaps - before.skippedOverlaps).to.equal(2);
  });
});
