import { expect } from 'chai';
import { forEachDatabase } from 'etbot/testing';
import { cliWorkdir, runEtbot } from './cli';

const DISCORD_TOKEN = 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.Gabcde.fake-discord-token-for-tests';
const REDIS_PASSWORD = 'redisSecretPw42';
const SFTP_PASSWORD = 'sftpSecretPw-987';
const KEY_PASSPHRASE = 'keyPassphrase-654';
/** PostgreSQL here trusts local connections (any password) or, embedded, has its own random one. */
const PG_PASSWORD = 'pgSecretPw-321';

function withPassword(url: string): { url: string; password: string } {
  const u = new URL(url);
  if (!u.password) u.password = PG_PASSWORD;
  return { url: u.toString(), password: decodeURIComponent(u.password) };
}

forEachDatabase('!config masks every secret', (db) => {
  it('shows the effective configuration without the token, URL passwords or collector secrets, in the reply and the logs', async function () {
    this.timeout(300_000);
    const database = db.kind === 'postgres' ? withPassword(db.url) : { url: db.url, password: null };
    const dir = cliWorkdir({
      collectors: [
        {
          type: 'sftp',
          name: 'game1',
          host: '127.0.0.1',
          port: 2222,
          username: 'et',
          remotePath: '/stats',
          passwordEnv: 'ETBOT_SFTP_PASSWORD',
          passphraseEnv: 'ETBOT_KEY_PASSPHRASE',
          privateKeyPath: '/nonexistent/id_ed25519',
        },
      ],
    });
    const env = {
      DATABASE_URL: database.url,
      DISCORD_TOKEN,
      REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:6379/0`,
      ETBOT_SFTP_PASSWORD: SFTP_PASSWORD,
      ETBOT_KEY_PASSPHRASE: KEY_PASSPHRASE,
    };
    for (const args of [
      ['run', '!config'],
      ['run', '!config', '--json'],
    ]) {
      const result = await runEtbot(['--log-level', 'trace', ...args], { cwd: dir, env, timeoutMs: 180_000 });
      expect(result.code, result.stderr).to.equal(0);
      const everything = result.stdout + result.stderr;
      const secrets = [DISCORD_TOKEN, REDIS_PASSWORD, SFTP_PASSWORD, KEY_PASSPHRASE, ...(database.password ? [database.password] : [])];
      for (const secret of secrets) expect(everything, `secret ${secret.slice(0, 4)}... leaked`).to.not.contain(secret);
      const shown = args.includes('--json') ? (JSON.parse(result.stdout) as { text: string }).text : result.stdout;
      expect(shown).to.contain('"adminUserIds"');
      expect(shown).to.contain('"passwordEnv": "ETBOT_SFTP_PASSWORD"');
      expect(shown).to.contain(`redis://:***@127.0.0.1:6379/0`);
      if (db.kind === 'postgres') expect(shown).to.match(/postgres(ql)?:\/\/[^:]+:\*\*\*@127\.0\.0\.1/);
      else expect(shown).to.contain(`"url": "${db.url}"`);
    }
  });
});
