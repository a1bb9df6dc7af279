import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { AdminServices, AnnouncementServices, type Reply } from 'etbot/plugin-api';
import { breakDatabase, createTestBot, forEachDatabase, ManualClock, memoryLogger, type DatabaseOutage, type TestBot } from 'etbot/testing';
import { adminConfig, tempDir } from './admins';
import { advanceInSteps, job, jobsIdle } from './jobs';
import { ServiceProbe } from './probe-plugin';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

forEachDatabase('admin jobs on schedule (manual clock)', (db) => {
  let bot: TestBot;
  let clock: ManualClock;
  let dataDir: string;
  const probe = new ServiceProbe();
  let logs: () => string;

  before(async () => {
    await db.reset();
    clock = new ManualClock(Date.UTC(2025, 0, 1, 0, 0, 0));
    dataDir = tempDir('admin-jobs');
    const logger = memoryLogger('info');
    logs = logger.lines;
    bot = await createTestBot({
      plugins: ['admin', probe.plugin],
      database: db.url,
      fixtures: false,
      config: { ...adminConfig, dataDir },
      clock,
      scheduler: true,
      logger: logger.logger,
    });
  });
  after(async () => bot?.stop());

  it('registers the three jobs with their schedules', () => {
    const jobs = probe.services.get(AdminServices.Jobs).list();
    expect(jobs.filter((j) => j.owner === 'admin').map((j) => [j.id, j.schedule])).to.deep.equal([
      ['admin:health-check', 'every 5m'],
      ['admin:db-maintenance', 'every 24h'],
      ['admin:metrics-log', 'every 1h'],
    ]);
  });

  it('runs health every 5 minutes, metrics every hour and maintenance once a day, never overlapping', async function () {
    this.timeout(300_000);
    await advanceInSteps(clock, probe.services, 24 * HOUR, 5 * MINUTE);
    // 24 h / 5 min = 288 health checks; 24 metrics logs; 1 maintenance.
    expect(job(probe.services, 'admin:health-check')).to.include({ runs: 288, failures: 0, skippedOverlaps: 0 });
    expect(job(probe.services, 'admin:metrics-log')).to.include({ runs: 24, failures: 0, skippedOverlaps: 0 });
    expect(job(probe.services, 'admin:db-maintenance')).to.include({ runs: 1, failures: 0, skippedOverlaps: 0 });
    expect(logs().match(/"msg":"metrics since /g)).to.have.length(24);
    expect(logs()).to.contain('"msg":"metrics since 2025-01-01T00:00:00.000Z: 0 imports, 0 rejects, 0 duplicates, 0 commands');
    const backups = fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')) : [];
    // The backup is named by the manual clock's time of the run: 24 h after the start.
    expect(backups).to.deep.equal(db.kind === 'sqlite' ? ['etbot-20250102T000000Z.sqlite'] : []);
  });

  it('skips a due run while the previous one is still going, then goes on', async () => {
    const health = () => job(probe.services, 'admin:health-check');
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const posted: Reply[] = [];
    const sink = probe.services.get(AnnouncementServices.Announcements).attach({
      post: async (_channel, reply) => {
        posted.push(reply);
        await blocked;
      },
    });
    const before = health();
    let outage: DatabaseOutage | undefined;
    try {
      outage = await breakDatabase(db.url);
      // Three failures raise the alert, whose post hangs: the health job is still running.
      await advanceInSteps(clock, probe.services, 10 * MINUTE, 5 * MINUTE);
      await clock.advance(5 * MINUTE);
      for (let i = 0; i < 1000 && posted.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(posted).to.have.length(1);
      expect(health().running).to.equal(true);
      await clock.advance(5 * MINUTE);
      await clock.advance(5 * MINUTE);
      const during = health();
      expect(during.skippedOverlaps - before.skippedOverlaps).to.equal(2);
      expect(during.runs - before.runs).to.equal(2);
      release();
      await jobsIdle(probe.services);
      expect(health().runs - before.runs).to.equal(3);
    } finally {
      release();
      await jobsIdle(probe.services);
      await outage?.restore();
      await sink.dispose();
    }
    await advanceInSteps(clock, probe.services, 5 * MINUTE, 5 * MINUTE);
    expect(health().runs - before.runs).to.equal(4);
    expect(health().skippedOverlaps - before.skippedOverlaps).to.equal(2);
  });
});
