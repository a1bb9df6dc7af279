import { expect } from 'chai';
import type { Announcements } from '../../core/announcements/announcements';
import { AnnouncementServices } from '../../core/announcements/tokens';
import type { App } from '../../core/app/app';
import type { Reply } from '../../core/plugin-api/reply';
import { ADMIN_CHANNEL, memoryLogger, run, replyText, startAdminApp } from '../admin/admin-app';
import { forEachDatabase } from '../support/databases';
import { FakeClock } from '../support/fake-clock';
import { databaseBreaker } from './break-database';
import { advanceInSteps } from './settle';

const FIVE_MINUTES = 5 * 60_000;

forEachDatabase('health alert on a database that goes away', (db) => {
  let app: App;
  let clock: FakeClock;
  const posts: { channel: string; reply: Reply }[] = [];
  let logs: () => string;

  before(async () => {
    await db.reset();
    clock = new FakeClock();
    const logger = memoryLogger('info');
    logs = logger.lines;
    app = await startAdminApp({ databaseUrl: db.url, clock, mode: 'start', logger: logger.logger });
    const announcements = app.container.resolve<Announcements>(AnnouncementServices.Announcements.id);
    announcements.attach({ post: async (channel, reply) => void posts.push({ channel, reply }) });
  });
  after(async () => app?.stop());

  const titles = () => posts.map((p) => p.reply.embeds?.[0]?.title);
  const check = () => advanceInSteps(clock, app, FIVE_MINUTES, FIVE_MINUTES);

  it('stays quiet while the database answers', async () => {
    await check();
    expect(posts).to.deep.equal([]);
  });

  it('alerts the admin channel once after 3 failed checks in a row, and once when it recovers', async () => {
    const breaker = databaseBreaker(db);
    await breaker.breakIt();
    try {
      await check();
      await check();
      expect(posts, 'two failures are not an alert yet').to.deep.equal([]);
      const status = replyText(await run(app, '!status'));
      expect(status).to.contain('etbot status: PROBLEMS');
      expect(status).to.contain('Database: UNREACHABLE');
      await check();
      expect(titles()).to.deep.equal(['Health alert: database']);
      expect(posts[0]!.channel).to.equal(ADMIN_CHANNEL);
      expect(posts[0]!.reply.embeds![0]!.description).to.contain('3 checks failed in a row');
      await check();
      expect(titles(), 'no second alert for the same outage').to.deep.equal(['Health alert: database']);
    } finally {
      await breaker.restore();
    }
    await check();
    expect(titles()).to.deep.equal(['Health alert: database', 'Recovered: database']);
    expect(posts[1]!.channel).to.equal(ADMIN_CHANNEL);
    await check();
    expect(posts).to.have.length(2);
    expect(logs()).to.contain('health alert: database failed 3 checks in a row');
    expect(logs()).to.contain('health: database recovered');
  });

  it('raises a new alert for a new outage', async () => {
    const breaker = databaseBreaker(db);
    await breaker.breakIt();
    try {
      for (let i = 0; i < 3; i++) await check();
    } finally {
      await breaker.restore();
    }
    await check();
    expect(titles()).to.deep.equal(['Health alert: database', 'Recovered: database', 'Health alert: database', 'Recovered: database']);
  });
});
