import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';

/** A working folder with its own plugins.json holding only the help plugin. */
function workdir(config?: object): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-cli-'));
  writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'help' }] }));
  writeFileSync(path.join(dir, 'etbot.config.json'), JSON.stringify({ dataDir: path.join(dir, 'data'), ...config }));
  return dir;
}

describe('etbot binary', () => {
  it('run "!help" prints the command list and exits 0', async () => {
    const result = await runCli(['run', '!help'], { cwd: workdir() });
    expect(result.code).to.equal(0);
    expect(result.stdout).to.contain('etbot commands');
    expect(result.stdout).to.contain('`!help` List the commands, or show how to use one');
  });

  it('--json prints the reply object', async () => {
    const result = await runCli(['run', 'help help', '--json'], { cwd: workdir() });
    expect(result.code).to.equal(0);
    const reply = JSON.parse(result.stdout) as { embeds: { title: string; fields: { name: string; value: string }[] }[]; isError: boolean };
    expect(reply.isError).to.equal(false);
    expect(reply.embeds[0]!.title).to.equal('!help');
    expect(reply.embeds[0]!.fields[0]).to.deep.equal({ name: 'Usage', value: '`!help [command]`' });
  });

  it('exits 1 when the command answers with an error', async () => {
    const result = await runCli(['run', '!nosuchcommand'], { cwd: workdir() });
    expect(result.code).to.equal(1);
    expect(result.stdout).to.contain('Unknown command `!nosuchcommand`.');
  });

  it('exits 2 with a clear message on bad configuration', async () => {
    const result = await runCli(['run', '!help'], { cwd: workdir({ discord: { prefix: 7 } }) });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('discord.prefix is 7');
    expect(result.stderr).to.contain('expected string, received number');
  });

  it('exits 2 on a bad command line, and --help works on subcommands', async () => {
    expect((await runCli(['frobnicate'], { cwd: workdir() })).code).to.equal(2);
    const help = await runCli(['run', '--help'], { cwd: workdir() });
    expect(help.code).to.equal(0);
    expect(help.stdout).to.contain('Usage: etbot run [options] <line>');
  });

  it('plugins list shows the plugins and their state', async () => {
    const result = await runCli(['plugins', 'list', '--json'], { cwd: workdir() });
    expect(result.code).to.equal(0);
    const list = JSON.parse(result.stdout) as { id: string; state: string; commands: number }[];
    expect(list).to.deep.equal([{ ...list[0], id: 'help', state: 'enabled', commands: 1 }]);
  });
});
