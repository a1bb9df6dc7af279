import { expect } from 'chai';
import type { RecordedRequest } from '../fake-discord';
import { createPostgresDatabase } from '../support/databases';
import { ask, E2E_TOKEN, messageOf, startE2EBot, type E2EBot } from './e2e-bot';
import { fieldsOf } from './expectations';

/** A request as text: path, query, JSON body, what the fake answered, and every uploaded file. */
function requestText(r: RecordedRequest): string {
  return (
    JSON.stringify({ method: r.method, path: r.path, query: r.query, body: r.body, response: r.response }) +
    r.files.map((f) => f.name + f.data.toString('utf8')).join('')
  );
}

describe('Discord end to end: the token and the database password never leave [postgres]', function () {
  this.timeout(120_000);
  let e: E2EBot | undefined;
  let drop: (() => Promise<void>) | undefined;
  let password = '';

  before(async () => {
    const pg = await createPostgresDatabase('etbot_e2e_secrets');
    drop = pg.drop;
    const url = new URL(pg.url);
    // A trust-auth server ignores the password; an embedded server already has a random one.
    if (!url.password) url.password = 'S3cretPw!';
    password = decodeURIComponent(url.password);
    e = await startE2EBot({ database: { url: url.toString() }, plugins: ['help', 'stats', 'leaderboards', 'admin'] });
  });

  after(async () => {
    await e?.stop();
    await drop?.();
  });

  it('keeps both out of every log line, reply and request, while commands (admin ones too) run and the app stops', async () => {
    const fake = e!.fake;
    const admin = { user: fake.world.users.admin };
    expect(fieldsOf((await ask(fake, '!stats Snake')).body.embeds[0])['K/D']).to.equal('1.27 (99 kills, 78 deaths)');

    const status = await ask(fake, '!status', admin);
    expect(fieldsOf(status.body.embeds[0]).Database).to.match(/^reachable: /);
    expect(fieldsOf(status.body.embeds[0]).Database).to.include('127.0.0.1');

    const config = await ask(fake, '!config', admin);
    const configText = config.body.content + config.files.map((f) => f.data.toString('utf8')).join('');
    expect(configText).to.include('"url": "postgres://postgres:***@127.0.0.1');

    const slash = fake.sendSlashCommand('config', [], admin);
    expect(JSON.stringify(messageOf(await fake.waitForCallback(slash)))).to.include('***');
    expect((await ask(fake, '!config')).body.content).to.equal('`!config` is for admins only.');
    expect((await ask(fake, '!import /nonexistent/e2e/2025-01-01-000000-supply-round-1.txt', admin)).body).to.not.equal(null);
    expect((await ask(fake, '!help')).body).to.not.equal(null);

    // Shutdown lines count too.
    await e!.stop();

    const logs = e!.logs.join('');
    expect(logs).to.include('Discord bot is online');
    expect(logs).to.include('permission denied');
    const requests = fake.requests.map(requestText).join('\n');
    // Every bot REST call carried the token (the fake refuses any other; interaction callbacks and
    // webhooks go without, as on Discord), yet none shows it.
    const botCalls = fake.requests.filter((r) => !/^\/(interactions|webhooks)\//.test(r.path));
    expect(botCalls.filter((r) => !r.authorized).map((r) => `${r.method} ${r.path}`)).to.deep.equal([]);
    for (const secret of [E2E_TOKEN, password, encodeURIComponent(password)]) {
      expect(logs, 'a log line').not.to.include(secret);
      expect(requests, 'a request to Discord').not.to.include(secret);
    }
  });
});
