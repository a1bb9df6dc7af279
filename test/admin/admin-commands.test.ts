import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../core/app/app';
import { CacheServices } from '../../core/cache/tokens';
import { DataServices } from '../../core/data/tokens';
import { forEachDatabase } from '../support/databases';
import { adminCaller, run, replyText, startAdminApp, tempDir, userCaller, USER_ID, ADMIN_ID } from './admin-app';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

/** The admin_actions rows, newest first (read from the table the admin plugin writes). */
async function auditEntries(app: App): Promise<{ outcome: string; userId: string; command: string; input: string; transport: string }[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const db = app.container.resolve<import('../../core/data/database').Database>(DataServices.Database.id);
  const rows = await db.read((sql) => sql.all('SELECT outcome, user_id, command, input, transport FROM admin_actions ORDER BY id DESC'));
  return rows.map((r) => ({ outcome: String(r.outcome), userId: String(r.user_id), command: String(r.command), input: String(r.input), transport: String(r.transport) }));
}
/** fixtures/README.md: evening 1 has 9 files, evening 2 has 11. */
const FIXTURE_ROUND_FILES = 20;
const BAD_FILE = '2025-11-08-120000-supply-round-1.txt';

/** The committed fixtures plus one file that is not a stats file. */
function statsFolder(): string {
  const dir = tempDir('admin-import');
  for (const name of fs.readdirSync(FIXTURES)) if (name.endsWith('.txt')) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, BAD_FILE), 'this is not a stats file\n');
  return dir;
}

const ADMIN_COMMANDS = ['status', 'import', 'reimport', 'rejected', 'plugins', 'plugin', 'cache', 'regroup', 'config', 'audit'];

forEachDatabase('admin plugin commands', (db) => {
  let app: App;

  before(async () => {
    await db.reset();
    app = await startAdminApp({ databaseUrl: db.url });
  });
  after(async () => app?.stop());

  it('registers every admin command as admin-only in the admin category', () => {
    const mine = app.registry.list().filter((c) => c.pluginId === 'admin');
    expect(mine.map((c) => c.definition.name).sort()).to.deep.equal([...ADMIN_COMMANDS].sort());
    for (const c of mine) {
      expect(c.definition.adminOnly, c.definition.name).to.equal(true);
      expect(c.definition.category, c.definition.name).to.equal('admin');
    }
  });

  it('refuses every admin command to a normal user and audits each refusal', async () => {
    const lines = ['!status', '!import /tmp', '!reimport x.txt', '!rejected', '!plugins', '!plugin disable help', '!cache clear', '!regroup', '!config', '!audit'];
    for (const line of lines) {
      const reply = await run(app, line, userCaller);
      expect(reply.isError, line).to.equal(true);
      expect(reply.text, line).to.contain('is for admins only');
    }
    const entries = await auditEntries(app);
    const denied = entries.filter((e) => e.outcome === 'denied');
    expect(denied).to.have.length(lines.length);
    expect(new Set(denied.map((e) => e.userId))).to.deep.equal(new Set([USER_ID]));
    expect(denied.map((e) => e.command).sort()).to.deep.equal([...ADMIN_COMMANDS].sort());
    const plugin = denied.find((e) => e.command === 'plugin')!;
    expect(plugin.input).to.equal('disable help');
    expect(plugin.transport).to.equal('console');
  });

  it('imports a folder for an admin, lists the rejected file with its reason and shows it in !status', async () => {
    const dir = statsFolder();
    const imported = replyText(await run(app, `!import ${dir}`));
    expect(imported).to.contain(`${FIXTURE_ROUND_FILES + 1} files: ${FIXTURE_ROUND_FILES} imported`);
    expect(imported).to.contain('1 rejected');
    expect(imported).to.contain(`rejected ${BAD_FILE}`);

    const rejected = await run(app, '!rejected');
    expect(rejected.embeds![0]!.title).to.equal('Rejected files (1)');
    expect(rejected.embeds![0]!.fields![0]!.name).to.equal(BAD_FILE);
    expect(rejected.embeds![0]!.fields![0]!.value.length).to.be.greaterThan(10);

    const status = replyText(await run(app, '!status'));
    expect(status).to.contain('etbot status: healthy');
    expect(status).to.match(/Database: reachable/);
    expect(status).to.contain(`Files: ${FIXTURE_ROUND_FILES} imported, 0 duplicates, 1 rejected`);
    expect(status).to.contain('Collectors: none configured');
    expect(status).to.contain('Version: etbot ');

    // Importing the same folder again changes nothing.
    const again = replyText(await run(app, `!import ${dir}`));
    expect(again).to.contain(`${FIXTURE_ROUND_FILES + 1} files: 0 imported, 0 replaced, ${FIXTURE_ROUND_FILES + 1} unchanged`);
  });

  it('reimports one file by name and says what became of it', async () => {
    const reply = replyText(await run(app, `!reimport ${BAD_FILE}`));
    expect(reply).to.contain(`Reimport ${BAD_FILE}`);
    expect(reply).to.contain('rejected');
    const unknown = await run(app, '!reimport 2030-01-01-000000-nowhere-round-1.txt');
    expect(unknown.isError).to.equal(true);
    expect(unknown.text).to.contain("no stats file named '2030-01-01-000000-nowhere-round-1.txt'");
  });

  it('clears the query cache', async () => {
    const cache = app.container.resolve<import('../../core/cache/query-cache').QueryCache>(CacheServices.QueryCache.id);
    await cache.wrap('a', async () => 1);
    await cache.wrap('b', async () => 2);
    const reply = await run(app, '!cache clear');
    expect(reply.text).to.equal('Query cache cleared (2 entries dropped).');
    expect(cache.stats().size).to.equal(0);
  });

  it('lists the plugins and audits what the admin ran, newest first', async () => {
    const plugins = replyText(await run(app, '!plugins'));
    expect(plugins).to.contain('admin 1.1.0 enabled - 10 commands, 3 jobs, 1 handlers');
    const audit = replyText(await run(app, '!audit'));
    const firstLine = audit.split('\n').find((l) => l.includes(ADMIN_ID))!;
    expect(firstLine).to.match(new RegExp(`${ADMIN_ID} plugins -> ok$`));
    expect(audit).to.contain(`${ADMIN_ID} cache clear -> ok`);
    expect(audit).to.contain(`${USER_ID} audit -> denied`);
  });

  it('keeps the admin plugin from disabling itself', async () => {
    const reply = await run(app, '!plugin disable admin', adminCaller);
    expect(reply.isError).to.equal(true);
    expect(reply.text).to.contain('cannot disable itself');
    expect(app.registry.find('status')).to.not.equal(undefined);
  });
});
