import { expect } from 'chai';
import { num } from 'etbot/plugin-api';
import { forEachDatabase } from 'etbot/testing';
import { ADMIN_ID, USER_ID } from './admins';
import { cliWorkdir, pluginsJson, runEtbot } from './cli';

forEachDatabase('admin commands through `etbot run --as`', (db) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await db.reset();
    dir = cliWorkdir();
    env = { DATABASE_URL: db.url };
  });

  const etbot = (...args: string[]) => runEtbot(args, { cwd: dir, env, timeoutMs: 180_000 });

  it('refuses a normal user (exit 1, logged) and changes nothing', async function () {
    this.timeout(300_000);
    const status = await etbot('run', '!status', '--as', USER_ID);
    expect(status.code, status.stderr).to.equal(1);
    expect(status.stdout, status.stderr).to.contain('`!status` is for admins only.');
    expect(status.stderr).to.contain(`permission denied: ${USER_ID} is not an admin`);
    const disable = await etbot('run', '!plugin disable help', '--as', USER_ID);
    expect(disable.code).to.equal(1);
    expect(disable.stdout).to.contain('`!plugin` is for admins only.');
    expect(pluginsJson(dir).find((p) => p.id === 'help')!.enabled, 'plugins.json untouched').to.equal(undefined);
  });

  it('runs them for a configured admin and for the local operator', async function () {
    this.timeout(300_000);
    const status = await etbot('run', '!status', '--as', ADMIN_ID);
    expect(status.code, status.stderr).to.equal(0);
    expect(status.stdout).to.contain('etbot status: healthy');
    expect(status.stdout).to.match(/Database:\n  reachable: /);
    const disable = await etbot('run', '!plugin disable help', '--as', ADMIN_ID);
    expect(disable.code, disable.stderr).to.equal(0);
    expect(disable.stdout).to.contain('Plugin help: disabled');
    expect(pluginsJson(dir).find((p) => p.id === 'help')!.enabled).to.equal(false);
    const help = await etbot('run', '!help');
    expect(help.code).to.equal(1);
    expect(help.stdout).to.contain('Unknown command `!help`');
    const enable = await etbot('run', '!plugin enable help');
    expect(enable.code, enable.stderr).to.equal(0);
    expect(pluginsJson(dir).find((p) => p.id === 'help')!.enabled).to.equal(true);
    expect((await etbot('run', '!help')).code).to.equal(0);
  });

  it('leaves every admin action, refusals included, in the audit table', async function () {
    this.timeout(300_000);
    const database = await db.open();
    const rows = await database.read((sql) => sql.all(`SELECT user_id, command, input, outcome, transport FROM admin_actions ORDER BY id`));
    expect(rows.map((r) => [String(r.user_id), String(r.command), String(r.input), String(r.outcome), String(r.transport)])).to.deep.equal([
      [USER_ID, 'status', '', 'denied', 'console'],
      [USER_ID, 'plugin', 'disable help', 'denied', 'console'],
      [ADMIN_ID, 'status', '', 'ok', 'console'],
      [ADMIN_ID, 'plugin', 'disable help', 'ok', 'console'],
      ['console', 'plugin', 'enable help', 'ok', 'console'],
    ]);
    const count = await database.read(async (sql) => num((await sql.one(`SELECT COUNT(*) AS n FROM admin_actions WHERE command = 'help'`))!.n));
    expect(count, 'non-admin commands are not audited').to.equal(0);
  });
});
