import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, replyText, type TestBot } from 'etbot/testing';
import { adminConfig, asAdmin, tempDir } from './admins';

const TICKER = path.resolve(__dirname, 'plugins/ticker-plugin.js');

describe('!plugin enable / disable', () => {
  let bot: TestBot;
  let pluginsFile: string;
  const changes: string[] = [];
  const run = (line: string) => bot.run(line, asAdmin);

  before(async () => {
    const dir = tempDir('admin-plugins');
    pluginsFile = path.join(dir, 'plugins.json');
    fs.writeFileSync(pluginsFile, JSON.stringify({ plugins: [{ id: 'admin' }, { path: TICKER }] }, null, 2));
    bot = await createTestBot({ pluginsFile, fixtures: false, config: adminConfig });
    bot.on('commands.changed', ({ reason }) => void changes.push(reason));
  });
  after(async () => bot?.stop());

  const saved = () => (JSON.parse(fs.readFileSync(pluginsFile, 'utf8')) as { plugins: { path?: string; id?: string; enabled?: boolean }[] }).plugins;
  const tickerJobs = () => bot.jobs().filter((id) => id.startsWith('ticker:'));

  it("starts with the plugin's command and job", async () => {
    expect((await run('!tick')).text).to.equal('tock');
    expect(tickerJobs()).to.deep.equal(['ticker:tick-job']);
  });

  it('disabling removes its commands and jobs at once, announces the change and saves plugins.json', async () => {
    const reply = replyText(await run('!plugin disable ticker'));
    expect(reply).to.contain('Plugin ticker: disabled');
    expect(bot.commands()).to.not.include('tick');
    expect(tickerJobs()).to.deep.equal([]);
    const unknown = await run('!tick');
    expect(unknown.isError).to.equal(true);
    expect(unknown.text).to.contain('Unknown command `!tick`');
    expect(changes).to.include('plugin ticker disabled');
    expect(saved().find((p) => p.path === TICKER)!.enabled).to.equal(false);
    expect(saved().find((p) => p.id === 'admin')!.enabled).to.equal(true);
    expect(replyText(await run('!plugins'))).to.contain('ticker 1.0.0 disabled');
  });

  it('enabling brings them back and saves plugins.json', async () => {
    const reply = replyText(await run('!plugin enable ticker'));
    expect(reply).to.contain('Plugin ticker: enabled');
    expect(reply).to.contain('1 commands, 1 jobs');
    expect((await run('!tick')).text).to.equal('tock');
    expect(tickerJobs()).to.deep.equal(['ticker:tick-job']);
    expect(changes).to.include('plugin ticker enabled');
    expect(saved().find((p) => p.path === TICKER)!.enabled).to.equal(true);
  });

  it('reloads a plugin and answers clearly for an unknown one', async () => {
    expect(replyText(await run('!plugin reload ticker'))).to.contain('Plugin ticker: enabled');
    expect((await run('!tick')).text).to.equal('tock');
    const unknown = await run('!plugin enable nosuch');
    expect(unknown.isError).to.equal(true);
    expect(unknown.text).to.contain("no plugin 'nosuch'");
  });
});
