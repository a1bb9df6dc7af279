import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { CacheServices, CoreServices } from 'etbot/plugin-api';
import { createTestBot, FIXTURES_DIR, forEachDatabase, replyText, type TestBot } from 'etbot/testing';
import { ADMIN_ID, adminConfig, asAdmin, asUser, tempDir, USER_ID } from './admins';
import { ServiceProbe } from './probe-plugin';

/**
 * The admin_actions rows, newest first (read from the table the admin plugin writes), once at least
 * `atLeast` are there: the audit log writes them one after another after the replies.
 */
async function auditEntries(bot: TestBot, atLeast: number): Promise<{ outcome: string; userId: string; command: string; input: string; transport: string }[]> {
  const read = () => bot.db.read((sql) => sql.all('SELECT outcome, user_id, command, input, transport FROM admin_actions ORDER BY id DESC'));
  let rows = await read();
  for (let waited = 0; rows.length < atLeast && waited < 10_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    rows = await read();
  }
  return rows.map((r) => ({
    outcome: String(r.outcome),
    userId: String(r.user_id),
    command: String(r.command),
    input: String(r.input),
    transport: String(r.transport),
  }));
}
/** fixtures/README.md: evening 1 has 9 files, evening 2 has 11. */
const FIXTURE_ROUND_FILES = 20;
const BAD_FILE = '2025-11-08-120000-supply-round-1.txt';

/** The committed fixtures plus one file that is not a stats file. */
function statsFolder(): string {
  const dir = tempDir('admin-import');
  for (const name of fs.readdirSync(FIXTURES_DIR)) if (name.endsWith('.txt')) fs.copyFileSync(path.join(FIXTURES_DIR, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, BAD_FILE), 'this is not a stats file\n');
  return dir;
}

const ADMIN_COMMANDS = [
  'status',
  'import',
  'reimport',
  'rejected',
  'plugins',
  'plugin',
  'cache',
  'regroup',
  'merge',
  'unmerge',
  'identities',
  'config',
  'audit',
];

forEachDatabase('admin plugin commands', (db) => {
  let bot: TestBot;
  const probe = new ServiceProbe();
  const run = (line: string, as = asAdmin) => bot.run(line, as);

  before(async () => {
    await db.reset();
    bot = await createTestBot({ plugins: ['admin', probe.plugin], database: db.url, fixtures: false, config: adminConfig });
  });
  after(async () => bot?.stop());

  it('registers every admin command as admin-only in the admin category', () => {
    const mine = probe.services
      .get(CoreServices.Commands)
      .list()
      .filter((c) => c.pluginId === 'admin');
    expect(mine.map((c) => c.definition.name).sort()).to.deep.equal([...ADMIN_COMMANDS].sort());
    for (const c of mine) {
      expect(c.definition.adminOnly, c.definition.name).to.equal(true);
      expect(c.definition.category, c.definition.name).to.equal('admin');
    }
  });

  it('refuses every admin command to a normal user and audits each refusal', async () => {
    const lines = [
      '!status',
      '!import /tmp',
      '!reimport x.txt',
      '!rejected',
      '!plugins',
      '!plugin disable help',
      '!cache clear',
      '!regroup',
      '!merge 39137DDE 5AFE0001',
      '!unmerge 5AFE0001',
      '!identities',
      '!config',
      '!audit',
    ];
    for (const line of lines) {
      const reply = await run(line, asUser);
      expect(reply.isError, line).to.equal(true);
      expect(reply.text, line).to.contain('is for admins only');
    }
    const entries = await auditEntries(bot, lines.length);
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
    const imported = replyText(await run(`!import ${dir}`));
    expect(imported).to.contain(`${FIXTURE_ROUND_FILES + 1} files: ${FIXTURE_ROUND_FILES} imported`);
    expect(imported).to.contain('1 rejected');
    expect(imported).to.contain(`rejected ${BAD_FILE}`);

    const rejected = await run('!rejected');
    expect(rejected.embeds![0]!.title).to.equal('Rejected files (1)');
    expect(rejected.embeds![0]!.fields![0]!.name).to.equal(BAD_FILE);
    expect(rejected.embeds![0]!.fields![0]!.value.length).to.be.greaterThan(10);

    const status = replyText(await run('!status'));
    expect(status).to.contain('etbot status: healthy');
    expect(status).to.match(/Database: reachable/);
    expect(status).to.contain(`Files: ${FIXTURE_ROUND_FILES} imported, 0 duplicates, 1 rejected`);
    expect(status).to.contain('Collectors: none configured');
    expect(status).to.contain('Version: etbot ');

    // Importing the same folder again changes nothing.
    const again = replyText(await run(`!import ${dir}`));
    expect(again).to.contain(`${FIXTURE_ROUND_FILES + 1} files: 0 imported, 0 replaced, ${FIXTURE_ROUND_FILES + 1} unchanged`);
  });

  it('reimports one file by name and says what became of it', async () => {
    const reply = replyText(await run(`!reimport ${BAD_FILE}`));
    expect(reply).to.contain(`Reimport ${BAD_FILE}`);
    expect(reply).to.contain('rejected');
    const unknown = await run('!reimport 2030-01-01-000000-nowhere-round-1.txt');
    expect(unknown.isError).to.equal(true);
    expect(unknown.text).to.contain("no stats file named '2030-01-01-000000-nowhere-round-1.txt'");
  });

  it('clears the query cache', async () => {
    const cache = probe.services.get(CacheServices.QueryCache);
    await cache.wrap('a', async () => 1);
    await cache.wrap('b', async () => 2);
    const reply = await run('!cache clear');
    expect(reply.text).to.equal('Query cache cleared (2 entries dropped).');
    expect(cache.stats().size).to.equal(0);
  });

  it('lists the plugins and audits what the admin ran, newest first', async () => {
    const plugins = replyText(await run('!plugins'));
    expect(plugins).to.contain('admin 1.2.0 enabled - 13 commands, 3 jobs, 1 handlers');
    const audit = replyText(await run('!audit'));
    const firstLine = audit.split('\n').find((l) => l.includes(ADMIN_ID))!;
    expect(firstLine).to.match(new RegExp(`${ADMIN_ID} plugins -> ok$`));
    expect(audit).to.contain(`${ADMIN_ID} cache clear -> ok`);
    expect(audit).to.contain(`${USER_ID} audit -> denied`);
  });

  it('keeps the admin plugin from disabling itself', async () => {
    const reply = await run('!plugin disable admin', asAdmin);
    expect(reply.isError).to.equal(true);
    expect(reply.text).to.contain('cannot disable itself');
    expect(bot.commands()).to.include('status');
  });
});
