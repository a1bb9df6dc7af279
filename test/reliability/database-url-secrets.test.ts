import { expect } from 'chai';
import { Client } from 'pg';
import { createTestDatabase } from '../support/databases';
import { runCli } from '../support/run-cli';
import { cliWorkdir } from '../support/cli-workdir';

/** A password with an unencoded `@`: a URL parser reads the user information up to the last `@`. */
const AT_PASSWORD = 'super@Secret-at-9';
const QUERY_PASSWORD = 'querySecret-77';

describe('reliability: the database password stays secret wherever the URL carries it [postgres]', function () {
  this.timeout(300_000);
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  const role = `etbot_secret_${process.pid}`;
  before(async () => {
    test = await createTestDatabase('postgres');
    const admin = new Client({ connectionString: test.url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT ALL ON SCHEMA public TO ${role}`);
    } finally {
      await admin.end();
    }
  });
  after(async () => {
    await test?.destroy();
    const admin = new Client({ connectionString: test.url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await admin
      .connect()
      .then(() => admin.query(`DROP ROLE IF EXISTS ${role}`))
      .catch(() => undefined);
    await admin.end().catch(() => undefined);
  });

  /** The test database's URL as the role, its password in the user information or the `password` query parameter. */
  function urlWith(password: { query?: string; userinfo?: string }): string {
    const u = new URL(test.url);
    const host = `${u.hostname}:${u.port || 5432}`;
    const query = password.query === undefined ? '' : `?password=${encodeURIComponent(password.query)}`;
    return `postgres://${role}${password.userinfo === undefined ? '' : `:${password.userinfo}`}@${host}${u.pathname}${query}`;
  }

  async function setPassword(password: string): Promise<void> {
    const admin = new Client({ connectionString: test.url });
    await admin.connect();
    await admin.query(`ALTER ROLE ${role} PASSWORD '${password}'`).finally(() => admin.end());
  }

  it('`?password=`, an unencoded `@` in the password and `sslpassword`: masked in every log line, `!config` and `!status`', async () => {
    await setPassword(AT_PASSWORD);
    await runAndCheck(`${urlWith({ userinfo: AT_PASSWORD })}?sslmode=disable&sslpassword=sslKeySecret-5`, [AT_PASSWORD, 'Secret-at-9', 'sslKeySecret-5']);
    await setPassword(QUERY_PASSWORD);
    await runAndCheck(urlWith({ query: QUERY_PASSWORD }), [QUERY_PASSWORD]);
  });

  async function runAndCheck(url: string, secrets: string[]): Promise<void> {
    const dir = cliWorkdir({});
    for (const command of ['!config', '!status']) {
      const result = await runCli(['--log-level', 'trace', 'run', command], { cwd: dir, env: { DATABASE_URL: url }, timeoutMs: 180_000 });
      expect(result.code, `${command}: ${result.stderr.slice(-500)}`).to.equal(0);
      const everything = result.stdout + result.stderr;
      for (const secret of secrets) expect(everything, `${command}: ${secret} leaked`).to.not.contain(secret);
      expect(everything, command).to.contain('***');
    }
    // An unparsable URL is a configuration error naming DATABASE_URL, without the password.
    const broken = await runCli(['run', '!status'], { cwd: dir, env: { DATABASE_URL: url.replace(/@([^/@]+)\//, '@$1x/') } }); // port '5432x'
    expect(broken.code).to.equal(2);
    expect(broken.stderr).to.contain('DATABASE_URL');
    expect(broken.stderr.trim().split('\n')).to.have.length.at.most(2);
    for (const secret of secrets) expect(broken.stderr, `broken URL: ${secret} leaked`).to.not.contain(secret);
  }
});
