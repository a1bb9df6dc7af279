import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../core/app/app';
import { run, replyText, startAdminApp, tempDir } from './admin-app';

const TICKER = path.resolve(__dirname, 'plugins/ticker-plugin.js');

describe('!plugin enable / disable', () => {
  let app: App;
  let pluginsFile: string;
  const changes: string[] = [];

  before(async () => {
    const dir = tempDir('admin-plugins');
    pluginsFile = path.join(dir, 'plugins.json');
    fs.writeFileSync(pluginsFile, JSON.stringify({ plugins: [{ id: 'admin' }, { path: TICKER }] }, null, 2));
    app = await startAdminApp({ databaseUrl: `sqlite:${path.join(dir, 'etbot.sqlite')}`, pluginsFile });
    app.events.on('commands.changed', ({ reason }) => void changes.push(reason));
  });
  after(async () => app?.stop());

  const saved = () => (JSON.parse(fs.readFileSync(pluginsFile, 'utf8')) as { plugins: { path?: string; id?: string; enabled?: boolean }[] }).plugins;
  const tickerJobs = () => app.scheduler.list().filter((j) => j.owner === 'ticker').map((j) => j.id);

  it('starts with the plugin\'s command and job', async () => {
    expect((await run(app, '!tick')).text).to.equal('tock');
    expect(tickerJobs()).to.deep.equal(['ticker:tick-job']);
  });

  it('disabling removes its commands and jobs at once, announces the change and saves plugins.json', async () => {
    const reply = replyText(await run(app, '!plugin disable ticker'));
    expect(reply).to.contain('Plugin ticker: disabled');
    expect(app.registry.find('tick')).to.equal(undefined);
    expect(tickerJobs()).to.deep.equal([]);
    const unknown = await run(app, '!tick');
    expect(unknown.isError).to.equal(true);
    expect(unknown.text).to.contain('Unknown command `!tick`');
    expect(changes).to.include('plugin ticker disabled');
    expect(saved().find((p) => p.path === TICKER)!.enabled).to.equal(false);
    expect(saved().find((p) => p.id === 'admin')!.enabled).to.equal(true);
    expect(replyText(await run(app, '!plugins'))).to.contain('ticker 1.0.0 disabled');
  });

  it('enabling brings them back and saves plugins.json', async () => {
    const reply = replyText(await run(app, '!plugin enable ticker'));
    expect(reply).to.contain('Plugin ticker: enabled');
    expect(reply).to.contain('1 commands, 1 jobs');
    expect((await run(app, '!tick')).text).to.equal('tock');
    expect(tickerJobs()).to.deep.equal(['ticker:tick-job']);
    expect(changes).to.include('plugin ticker enabled');
    expect(saved().find((p) => p.path === TICKER)!.enabled).to.equal(true);
  });

  it('reloads a plugin and answers clearly for an unknown one', async () => {
    expect(replyText(await run(app, '!plugin reload ticker'))).to.contain('Plugin ticker: enabled');
    expect((await run(app, '!tick')).text).to.equal('tock');
    const unknown = await run(app, '!plugin enable nosuch');
    expect(unknown.isError).to.equal(true);
    expect(unknown.text).to.contain("no plugin 'nosuch'");
  });
});
