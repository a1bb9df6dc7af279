import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { App } from '../../core/app/app';
import { coreModules } from '../../core/app/modules';
import { loadConfig, secretValues } from '../../core/config/load-config';
import { DataServices } from '../../core/data/tokens';
import { createLogger } from '../../core/logging/create-logger';
import { FakeDiscord } from '../fake-discord';
import { waitFor } from '../collectors/harness';
import { roundFileName, roundFileText } from '../collectors/round-files';
import { ask, E2E_TOKEN } from '../discord-e2e/e2e-bot';
import { createPostgresDatabase } from '../support/databases';
import { generateTestKeyPair, TestSshServer } from '../support/ssh-server';

const PASSPHRASE = 'pp-Rel9-never-logged';
const PASSPHRASE_ENV = 'ETBOT_RELIABILITY_KEY_PASSPHRASE';

describe('reliability: secrets stay out of trace-level logs and replies (token, database password, SFTP key passphrase) [postgres]', function () {
  this.timeout(180_000);
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
    delete process.env[PASSPHRASE_ENV];
  });

  it('`etbot start` as a whole, collecting over SFTP with an encrypted key and answering commands: no secret in any log line, reply or request', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-secrets-'));
    cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
    const key = generateTestKeyPair(PASSPHRASE);
    const keyPath = path.join(tmp, 'id_ed25519');
    fs.writeFileSync(keyPath, key.private, { mode: 0o600 });
    fs.mkdirSync(path.join(tmp, 'server', 'stats'), { recursive: true });
    const name = roundFileName(1);
    fs.writeFileSync(path.join(tmp, 'server', 'stats', name), roundFileText({ players: 3, tag: 'secret' }));
    const ssh = await TestSshServer.start({ root: path.join(tmp, 'server'), authorizedKeys: [key.public] });
    cleanups.push(() => ssh.stop());
    fs.writeFileSync(path.join(tmp, 'known_hosts'), `${ssh.knownHostsLine}\n`);

    const pg = await createPostgresDatabase('etbot_rel_secrets');
    cleanups.push(pg.drop);
    const url = new URL(pg.url);
    if (!url.password) url.password = 'Db-Pw-Rel-secret'; // a trust-auth server ignores it
    const dbPassword = decodeURIComponent(url.password);

    const fake = new FakeDiscord({ token: E2E_TOKEN });
    await fake.start();
    cleanups.push(() => fake.stop());

    process.env[PASSPHRASE_ENV] = PASSPHRASE;
    const env = {
      DISCORD_TOKEN: E2E_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.world.guildId,
      DATABASE_URL: url.toString(),
      [PASSPHRASE_ENV]: PASSPHRASE,
    };
    const { config, secrets } = loadConfig({
      env,
      cwd: tmp,
      overrides: {
        dataDir: path.join(tmp, 'data'),
        logLevel: 'trace',
        discord: { adminUserIds: [fake.world.users.admin.id] },
        collectors: [
          {
            type: 'sftp',
            name: 'gs1',
            serverId: 'gs1',
            host: '127.0.0.1',
            port: ssh.port,
            username: 'etbot',
            privateKeyPath: keyPath,
            passphraseEnv: PASSPHRASE_ENV,
            remotePath: '/stats',
            knownHostsPath: path.join(tmp, 'known_hosts'),
            pollSeconds: 2,
          },
        ],
      },
    });
    const logs: string[] = [];
    const logger = createLogger({
      level: 'trace',
      pretty: false,
      secrets: secretValues(secrets, env, config),
      destination: new Writable({
        write(chunk, _enc, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    });
    const app = new App({
      config,
      secrets,
      logger,
      mode: 'start',
      modules: coreModules(),
      pluginEntries: ['help', 'stats', 'admin'].map((id) => ({ id, enabled: true, options: {} })),
    });
    cleanups.push(() => app.stop());
    await app.start();

    const database = app.container.resolve<import('../../core/data').Database>(DataServices.Database.id);
    await waitFor('the SFTP file to be imported', async () =>
      database.read(async (sql) => Number((await sql.one(`SELECT COUNT(*) AS n FROM stats_files WHERE status = 'imported'`))!.n) === 1),
    );
    const admin = { user: fake.world.users.admin };
    const replies = [await ask(fake, '!status', admin), await ask(fake, '!config', admin), await ask(fake, '!help')];
    await app.stop();

    const text = [
      logs.join(''),
      ...replies.map((r) => JSON.stringify(r.body) + r.files.map((f) => f.data.toString('utf8')).join('')),
      ...fake.requests.map((r) => JSON.stringify({ path: r.path, query: r.query, body: r.body, response: r.response })),
    ].join('\n');
    expect(logs.join('')).to.include('"level":10'); // trace lines were written
    expect(logs.join('')).to.include('file handed to importer');
    for (const secret of [E2E_TOKEN, dbPassword, PASSPHRASE]) expect(text.includes(secret), `a secret leaked (${secret.slice(0, 4)}…)`).to.equal(false);
  });
});
