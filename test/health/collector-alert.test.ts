// Stays in test/ (the admin plugin's other tests are in plugins/admin/test): it runs the SFTP
// collector end to end against the test SSH server, to check that its failures reach the health alert.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Announcements } from '../../core/announcements/announcements';
import { announcementsModule } from '../../core/announcements/module';
import { AnnouncementServices } from '../../core/announcements/tokens';
import type { App } from '../../core/app/app';
import type { CollectorManager } from '../../core/collectors/collector-manager';
import { collectorsModule } from '../../core/collectors/module';
import { CollectorServices } from '../../core/collectors/tokens';
import { databaseModule } from '../../core/data/module';
import type { Reply } from '../../core/plugin-api/reply';
import { FakeClock } from '../support/fake-clock';
import { generateTestKeyPair, TestSshServer } from '../support/ssh-server';
import { startTestApp } from '../support/test-app';
import { advanceInSteps } from './settle';

const FIVE_MINUTES = 5 * 60_000;
const ADMIN_CHANNEL = '333333333333333333';

/** Polls (real time: the collector reconnects on its own timers) until `check` holds. */
async function until(what: string, check: () => boolean, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('health alert on an SFTP collector whose server is down', function () {
  this.timeout(120_000);
  let app: App;
  let server: TestSshServer;
  let clock: FakeClock;
  const posts: { channel: string; reply: Reply }[] = [];

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-health-sftp-'));
    fs.mkdirSync(path.join(dir, 'server', 'stats'), { recursive: true });
    const key = generateTestKeyPair();
    fs.writeFileSync(path.join(dir, 'id_ed25519'), key.private, { mode: 0o600 });
    server = await TestSshServer.start({ root: path.join(dir, 'server'), authorizedKeys: [key.public] });
    fs.writeFileSync(path.join(dir, 'known_hosts'), `${server.knownHostsLine}\n`);
    await server.stop(); // nothing listens on its port now
    clock = new FakeClock();
    app = await startTestApp({
      plugins: [{ id: 'admin', enabled: true, options: {} }],
      modules: [databaseModule(), collectorsModule(), announcementsModule()],
      clock,
      mode: 'start',
      overrides: {
        dataDir: path.join(dir, 'data'),
        database: { url: `sqlite:${path.join(dir, 'etbot.sqlite')}` },
        discord: { adminChannelId: ADMIN_CHANNEL },
        collectors: [
          {
            type: 'sftp',
            name: 'game1',
            host: '127.0.0.1',
            port: server.port,
            username: server.username,
            privateKeyPath: path.join(dir, 'id_ed25519'),
            knownHostsPath: path.join(dir, 'known_hosts'),
            remotePath: '/stats',
            pollSeconds: 2,
          },
        ],
      },
    });
    app.container.resolve<Announcements>(AnnouncementServices.Announcements.id).attach({ post: async (channel, reply) => void posts.push({ channel, reply }) });
  });
  after(async () => {
    await app?.stop();
    await server?.stop();
  });

  const collector = () => app.container.resolve<CollectorManager>(CollectorServices.Manager.id).status()[0]!;
  const titles = () => posts.map((p) => p.reply.embeds?.[0]?.title);
  const check = () => advanceInSteps(clock, app, FIVE_MINUTES, FIVE_MINUTES);

  it('alerts after 3 failed checks and posts the recovery once the server is back', async () => {
    await until('the collector to fail', () => collector().state === 'failing');
    await check();
    await check();
    expect(posts).to.deep.equal([]);
    await check();
    expect(titles()).to.deep.equal(['Health alert: collector game1']);
    expect(posts[0]!.channel).to.equal(ADMIN_CHANNEL);
    expect(posts[0]!.reply.embeds![0]!.description).to.contain('3 checks failed in a row');

    await server.restart();
    await until('the collector to reconnect', () => collector().state === 'running' && collector().lastSuccessAt !== null);
    await check();
    expect(titles()).to.deep.equal(['Health alert: collector game1', 'Recovered: collector game1']);
  });
});
