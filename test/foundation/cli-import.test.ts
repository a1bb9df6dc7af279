import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, runCli } from '../support/run-cli';

const FIXTURES = path.join(PROJECT_ROOT, 'fixtures');

/** A working folder with its own SQLite database (DATABASE_URL is not passed to the child). */
function workdir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-cli-import-'));
  writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'help' }] }));
  writeFileSync(path.join(dir, 'etbot.config.json'), JSON.stringify({ dataDir: path.join(dir, 'data') }));
  return dir;
}

describe('etbot import and export (real binary, SQLite)', () => {
  it('imports the fixtures and exports exactly the generator truth', async () => {
    const cwd = workdir();
    const imported = await runCli(['import', FIXTURES, '--strict'], { cwd });
    expect(imported.code, imported.stderr).to.equal(0);
    const roundFiles = readdirSync(FIXTURES).filter((f) => /-round-\d\.txt$/.test(f)).length;
    expect(imported.stdout).to.match(new RegExp(`^${roundFiles} files in .*: ${roundFiles} imported, 0 replaced, 0 unchanged, 0 duplicates, 0 rejected`));

    const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as Record<string, unknown>;
    for (const kind of ['players', 'rounds', 'sessions']) {
      const exported = await runCli(['export', kind], { cwd });
      expect(exported.code, exported.stderr).to.equal(0);
      expect(JSON.parse(exported.stdout), kind).to.deep.equal(truth[kind]);
    }
    const csv = await runCli(['export', 'sessions', '--format', 'csv'], { cwd });
    expect(csv.stdout.split(/\r?\n/)[0]).to.equal('index,start,end,rounds,maps');

    const again = await runCli(['import', FIXTURES], { cwd });
    expect(again.stdout).to.contain(`0 imported, 0 replaced, ${roundFiles} unchanged`);
  });

  it('reports a rejected file with its name and reason, and --strict exits 3', async () => {
    const cwd = workdir();
    const inbox = path.join(cwd, 'inbox');
    mkdirSync(inbox);
    const good = readdirSync(FIXTURES).find((f) => f.endsWith('-round-1.txt'))!;
    copyFileSync(path.join(FIXTURES, good), path.join(inbox, good));
    writeFileSync(path.join(inbox, '2025-01-01-200000-supply-round-1.txt'), 'only\\one\\line\n');
    const result = await runCli(['import', inbox, '--strict'], { cwd });
    expect(result.code).to.equal(3);
    expect(result.stdout).to.contain('1 imported');
    expect(result.stdout).to.contain('Rejected:\n  2025-01-01-200000-supply-round-1.txt: header has 3 fields, expected 8 or 9');
    const lenient = await runCli(['import', inbox], { cwd });
    expect(lenient.code).to.equal(0);
  });

  it('refuses a missing path and an unknown export with exit code 2', async () => {
    const cwd = workdir();
    const missing = await runCli(['import', path.join(cwd, 'nope')], { cwd });
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('does not exist');
    const unknown = await runCli(['export', 'weapons'], { cwd });
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.contain("'weapons' is not one of players, rounds, sessions");
  });
});
