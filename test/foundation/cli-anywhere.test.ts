import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, runCli } from '../support/run-cli';

const FIXTURES = path.join(PROJECT_ROOT, 'fixtures');

describe('the etbot command line from any folder', function () {
  this.timeout(180_000);
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-anywhere-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('without a plugins file: import, export and run work, with the built-in plugins (said once at info level)', async () => {
    const imported = await runCli(['import', FIXTURES, '--no-progress'], { cwd: folder });
    expect(imported.code, imported.stderr).to.equal(0);
    expect(imported.stdout).to.contain('20 imported');
    const exported = await runCli(['export', 'rounds'], { cwd: folder });
    expect(exported.code, exported.stderr).to.equal(0);
    expect(JSON.parse(exported.stdout)).to.have.length(20);
    const run = await runCli(['--log-level', 'info', 'run', '!top kills'], { cwd: folder });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('Top players by kills');
    expect(run.stderr.match(/running the built-in plugins with their defaults/g)).to.have.length(1);
    const help = await runCli(['run', '!help'], { cwd: folder });
    for (const command of ['!stats', '!top', '!last_session', '!compare']) expect(help.stdout).to.contain(command);
    expect(fs.existsSync(path.join(folder, 'plugins.json'))).to.equal(false);
  });

  it('import, export and migrate never read the plugins file; run and a named missing file still report it', async () => {
    fs.writeFileSync(path.join(folder, 'plugins.json'), '{ not json');
    for (const args of [['migrate'], ['import', FIXTURES, '--no-progress'], ['export', 'players']]) {
      const result = await runCli(args, { cwd: folder });
      expect(result.code, `${args[0]}: ${result.stderr}`).to.equal(0);
    }
    const run = await runCli(['run', '!help'], { cwd: folder });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('plugins.json is not valid JSON');
    fs.rmSync(path.join(folder, 'plugins.json'));
    const named = await runCli(['run', '!help'], { cwd: folder, env: { ETBOT_PLUGINS_FILE: path.join(folder, 'mine.json') } });
    expect(named.code).to.equal(2);
    expect(named.stderr).to.contain('mine.json not found');
  });

  it('`etbot start` runs from another folder, and `etbot --help` says where each file is looked for', async () => {
    const help = await runCli(['--help'], { cwd: folder });
    expect(help.stdout).to.match(/configuration +--config FILE, else \.\/etbot\.config\.json/);
    expect(help.stdout).to.match(/plugins +pluginsFile \/ ETBOT_PLUGINS_FILE, default \.\/plugins\.json; without one, the built-in plugins/);
    expect(help.stdout).to.match(/data folder +dataDir \/ ETBOT_DATA_DIR, default \.\/data/);

    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'etbot.js'), 'start'], {
      cwd: folder,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ETBOT_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 60_000);
      child.stderr.on('data', () => {
        if (/etbot ready in/.test(output)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 300)); // the signal handlers are installed just after the ready line
    child.kill('SIGTERM');
    expect(ready, output.slice(-1000)).to.equal(true);
    expect(await exited).to.equal(0);
    expect(output).to.contain('running the built-in plugins with their defaults');
  });
});
