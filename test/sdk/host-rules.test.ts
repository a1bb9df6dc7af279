import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestBot, type TestBot } from '../../core/testing';
import { defineCommand, definePlugin, type PluginDefinition } from '../../core/plugin-api';
import { forEachDatabase } from '../support/databases';
import { PROJECT_ROOT } from '../support/run-cli';

function plugin(id: string, apiVersion: string, commands: string[]): PluginDefinition {
  return definePlugin({
    manifest: { id, version: '1.2.3', apiVersion },
    register(api) {
      for (const name of commands) api.command(defineCommand({ name, description: `${name} of ${id}`, run: () => ({ text: `${name} from ${id}` }) }));
    },
  });
}

describe('plugin host rules seen through createTestBot', () => {
  let bot: TestBot;

  afterEach(async () => {
    await bot?.stop();
  });

  it('refuses a plugin whose apiVersion range excludes this plugin API, naming both versions', async () => {
    bot = await createTestBot({ plugins: [plugin('from-the-future', '^3.0.0', ['future'])], fixtures: false });
    const status = bot.app.plugins.list().find((p) => p.ref.includes('from-the-future'))!;
    expect(status.state).to.equal('failed');
    expect(status.error).to.equal("plugin 'from-the-future' needs plugin API ^3.0.0, but this etbot provides plugin API 2.1.0");
    expect(bot.commands()).to.not.include('future');
  });

  it('refuses a plugin that takes a command name another plugin has, naming both plugins, and keeps none of its commands', async () => {
    bot = await createTestBot({ plugins: ['stats', plugin('copycat', '^2.0.0', ['copycat-own', 'stats'])], fixtures: false });
    const copycat = bot.app.plugins.list().find((p) => p.id === 'copycat')!;
    expect(copycat.state).to.equal('failed');
    expect(copycat.error).to.equal("plugin 'copycat' failed to register: command 'stats' of plugin 'copycat' is already registered by plugin 'stats'");
    expect(bot.commands()).to.not.include('copycat-own');
    expect(bot.app.plugins.list().find((p) => p.id === 'stats')!.state).to.equal('enabled');
  });

  it('takes inline definitions with options, and runs their jobs with runJob', async () => {
    const seen: unknown[] = [];
    const counter = definePlugin({
      manifest: { id: 'counter', version: '1.0.0', apiVersion: '^2.0.0' },
      register(api) {
        api.job({ name: 'tick', every: '5m', run: () => void seen.push(api.options) });
        api.job({ name: 'broken', every: '5m', run: () => Promise.reject(new Error('disk on fire')) });
      },
    });
    bot = await createTestBot({ plugins: [{ definition: counter, options: { step: 2 } }], fixtures: false });
    await bot.runJob('counter', 'tick');
    expect(seen).to.deep.equal([{ step: 2 }]);
    let error: Error | undefined;
    await bot.runJob('counter', 'broken').catch((e: Error) => (error = e));
    expect(error?.message).to.equal("job 'counter:broken' failed: disk on fire");
    await bot.runJob('counter', 'nope').catch((e: Error) => (error = e));
    expect(error?.message).to.equal("no job 'counter:nope' (registered: counter:broken, counter:tick)");
  });

  it('with discord: true, the plugin answers through a real discord.js client on the fake Discord', async () => {
    bot = await createTestBot({ plugins: ['stats', { path: 'examples/streaks-plugin' }], baseDir: PROJECT_ROOT, discord: true });
    const fake = bot.fakeDiscord!;
    fake.sendUserMessage('!streaks slasher');
    const post = await fake.waitForChannelMessage();
    expect(post.body.embeds[0].title).to.equal('Streaks for slasher');
    expect(post.body.embeds[0].fields[0].value).to.equal('14 rounds: 2025-11-07 20:41 supply R1 to 2025-11-09 23:45 te\\_escape2 R2');
  });
});

/** A plain-JavaScript plugin in a folder outside the project, with a migration of its own. */
function lateJsPlugin(version: string): string {
  const api = JSON.stringify(path.join(PROJECT_ROOT, 'dist/core/plugin-api/index.js'));
  return `const { definePlugin, Table, num } = require(${api});
class LateNotes1765200000000 {
  constructor() { this.name = 'LateNotes1765200000000'; }
  async up(q) { await q.createTable(new Table({ name: 'late_notes', columns: [{ name: 'id', type: 'integer', isPrimary: true }, { name: 'note', type: 'varchar', length: '40' }] }), true); }
  async down(q) { await q.dropTable('late_notes', true); }
}
module.exports = definePlugin({
  manifest: { id: 'late', version: '${version}', apiVersion: '^2.0.0' },
  migrations: [LateNotes1765200000000],
  register(api) {
    const db = api.storage;
    api.command({ name: 'notes', description: 'count notes', run: async () => {
      await db.transaction((sql) => sql.run("INSERT INTO late_notes (id, note) VALUES (1, 'hello')"));
      const row = await db.read((sql) => sql.one('SELECT COUNT(*) AS n FROM late_notes'));
      return { text: 'notes: ' + num(row.n) };
    } });
  },
});
`;
}

forEachDatabase('a plugin enabled at run time whose migrations did not run at start', (handle) => {
  let bot: TestBot;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-late-plugin-'));
    // The entry points at a file that is not there yet (say, not built): the plugin fails at start.
    bot = await createTestBot({ database: handle.url, plugins: [{ path: path.join(dir, 'late.js') }], fixtures: false });
  });

  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails at start, then enable runs its migration (recorded) and its command works', async () => {
    const before = bot.app.plugins.list()[0]!;
    expect(before.state).to.equal('failed');
    expect(before.error).to.contain('has no loadable module');
    fs.writeFileSync(path.join(dir, 'late.js'), lateJsPlugin('1.0.0'));
    const { status } = await bot.app.plugins.enable(path.join(dir, 'late.js'));
    expect(status.state).to.equal('enabled');
    const names = await bot.db.read((sql) => sql.all<{ name: string }>('SELECT name FROM etbot_migrations ORDER BY id'));
    expect(names.map((r) => r.name).at(-1)).to.equal('LateNotes1765200000000');
    expect((await bot.run('!notes')).text).to.equal('notes: 1');
  });

  it('a reload with the same migration does not run it twice', async () => {
    await bot.app.plugins.reload('late');
    const rows = await bot.db.read((sql) => sql.all<{ name: string }>("SELECT name FROM etbot_migrations WHERE name = 'LateNotes1765200000000'"));
    expect(rows).to.have.length(1);
    expect(bot.app.plugins.list()[0]!.state).to.equal('enabled');
  });
});
