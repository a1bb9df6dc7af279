import { expect } from 'chai';
import { AnnouncementServices, type Reply } from 'etbot/plugin-api';
import { breakDatabase, createTestBot, forEachDatabase, ManualClock, memoryLogger, replyText, type TestBot } from 'etbot/testing';
import { ADMIN_CHANNEL, adminConfig, asAdmin } from './admins';
import { advanceInSteps } from './jobs';
import { ServiceProbe } from './probe-plugin';

const FIVE_MINUTES = 5 * 60_000;

forEachDatabase('health alert on a database that goes away', (db) => {
  let bot: TestBot;
  let clock: ManualClock;
  const probe = new ServiceProbe();
  const posts: { channel: string; reply: Reply }[] = [];
  let logs: () => string;

  before(async () => {
    await db.reset();
    clock = new ManualClock();
    const logger = memoryLogger('info');
    logs = logger.lines;
    bot = await createTestBot({
      plugins: ['admin', probe.plugin],
      database: db.url,
      fixtures: false,
      config: adminConfig,
      clock,
      scheduler: true,
      logger: logger.logger,
    });
    probe.services.get(AnnouncementServices.Announcements).attach({ post: async (channel, reply) => void posts.push({ channel, reply }) });
  });
  after(async () => bot?.stop());

  const titles = () => posts.map((p) => p.reply.embeds?.[0]?.title);
  const check = () => advanceInSteps(clock, probe.services, FIVE_MINUTES, FIVE_MINUTES);

  it('stays quiet while the database answers', async () => {
    await check();
    expect(posts).to.deep.equal([]);
  });

  it('alerts the admin channel once after 3 failed checks in a row, and once when it recovers', async () => {
    const outage = await breakDatabase(db.url);
    try {
      await check();
      await check();
      expect(posts, 'two failures are not an alert yet').to.deep.equal([]);
      const status = replyText(await bot.run('!status', asAdmin));
      expect(status).to.contain('etbot status: PROBLEMS');
      expect(status).to.contain('Database: UNREACHABLE');
      await check();
      expect(titles()).to.deep.equal(['Health alert: database']);
      expect(posts[0]!.channel).to.equal(ADMIN_CHANNEL);
      expect(posts[0]!.reply.embeds![0]!.description).to.contain('3 checks failed in a row');
      await check();
      expect(titles(), 'no second alert for the same outage').to.deep.equal(['Health alert: database']);
    } finally {
      await outage.restore();
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
    const outage = await breakDatabase(db.url);
    try {
      for (let i = 0; i < 3; i++) await check();
    } finally {
      await outage.restore();
    }
    await check();
    expect(titles()).to.deep.equal(['Health alert: database', 'Recovered: database', 'Health alert: database', 'Recovered: database']);
  });
});
