import { expect } from 'chai';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../core/data/database';
import { num } from '../../core/data/sql';
import { forEachDatabase } from '../support/databases';
import { ETBOT_BIN, runCli } from '../support/run-cli';

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `etbot-${prefix}-`));
}

const SESSIONS = 250;
const COLLECTOR = 'inbox';

interface Started {
  log: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function startBot(cwd: string, env: NodeJS.ProcessEnv, args: string[] = ['start']): Started {
  const child = spawn(process.execPath, [ETBOT_BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { log: () => log, exited, kill: (signal) => child.kill(signal) };
}

/** Polls until `check` holds; the bound only stops a broken run from hanging the suite. */
async function until(what: string, check: () => Promise<boolean> | boolean, limitMs = 240_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `file handed to importer` log lines of the local collector: file name -> statuses. */
function handedOver(log: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of log.split('\n')) {
    if (!line.includes('"msg":"file handed to importer"')) continue;
    const entry = JSON.parse(line) as { file: string; status: string };
    out.set(entry.file, [...(out.get(entry.file) ?? []), entry.status]);
  }
  return out;
}

forEachDatabase('SIGTERM during a large import (about 2,000 generated files)', (db) => {
  let dir: string;
  let files: string[];
  let database: Database;
  let env: NodeJS.ProcessEnv;
  let cwd: string;

  before(async function () {
    this.timeout(120_000);
    await db.reset();
    dir = tempDir('sigterm-files');
    const generated = await runCli(['fixtures', 'generate', '--out', dir, '--seed', '20251124', '--sessions', String(SESSIONS)]);
    expect(generated.code, generated.stderr).to.equal(0);
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(files.length).to.be.greaterThan(2000);
    cwd = tempDir('sigterm-work');
    fs.writeFileSync(path.join(cwd, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'admin' }, { id: 'help' }] }));
    fs.writeFileSync(
      path.join(cwd, 'etbot.config.json'),
      JSON.stringify({ dataDir: path.join(cwd, 'data'), collectors: [{ type: 'local', name: COLLECTOR, path: dir, settleMs: 100 }] }),
    );
    env = { DATABASE_URL: db.url };
    database = await db.open();
  });

  const count = (where = '1 = 1') => database.read(async (sql) => num((await sql.one(`SELECT COUNT(*) AS n FROM stats_files WHERE ${where}`))!.n));

  it('stops gracefully mid-import, then the next start imports the rest exactly once and the export equals the truth', async function () {
    this.timeout(600_000);
    const first = startBot(cwd, env);
    await until('the first 300 files', async () => (await count()) >= 300);
    first.kill('SIGTERM');
    expect(await first.exited, first.log()).to.equal(0);
    expect(first.log()).to.contain('SIGTERM received: stopping');
    expect(first.log()).to.contain('etbot stopped');
    const afterFirst = await count();
    expect(afterFirst, 'the signal came in the middle of the import').to.be.lessThan(files.length);
    expect(await count(`status <> 'imported'`)).to.equal(0);

    const second = startBot(cwd, env);
    await until('every file', async () => (await count()) === files.length);
    second.kill('SIGTERM');
    expect(await second.exited, second.log()).to.equal(0);

    // Each file reached the importer exactly once over both runs, and was imported.
    const firstRun = handedOver(first.log());
    const secondRun = handedOver(second.log());
    expect(firstRun.size).to.equal(afterFirst);
    const all = new Map([...firstRun]);
    for (const [file, statuses] of secondRun) {
      expect(all.has(file), `${file} handed over again after the restart`).to.equal(false);
      all.set(file, statuses);
    }
    expect([...all.keys()].sort()).to.deep.equal(files);
    for (const [file, statuses] of all) expect(statuses, file).to.deep.equal(['imported']);

    // One stats_files row per file, all imported; the collector remembers each file once.
    const rows = await database.read((sql) => sql.all(`SELECT name, status FROM stats_files ORDER BY name`));
    expect(rows.map((r) => String(r.name)).sort()).to.deep.equal(files);
    expect(new Set(rows.map((r) => String(r.status)))).to.deep.equal(new Set(['imported']));
    const fetched = await database.read((sql) => sql.all(`SELECT remote_name FROM fetched_remote_files WHERE collector = ?`, [COLLECTOR]));
    expect(fetched.map((r) => String(r.remote_name)).sort()).to.deep.equal(files);

    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, unknown>;
    for (const kind of ['players', 'rounds', 'sessions']) {
      const exported = await runCli(['export', kind], { cwd, env, timeoutMs: 120_000 });
      expect(exported.code, exported.stderr).to.equal(0);
      expect(JSON.parse(exported.stdout), kind).to.deep.equal(truth[kind]);
    }
  });

  it('etbot import killed by SIGTERM mid-run: the next run imports exactly the rest and the export equals the truth', async function () {
    this.timeout(600_000);
    await db.reset();
    const first = startBot(cwd, env, ['import', dir, '--no-progress']);
    await until('the first 300 files', async () => (await count()) >= 300);
    first.kill('SIGTERM');
    await first.exited;
    const afterKill = await count();
    expect(afterKill, 'the signal came in the middle of the import').to.be.lessThan(files.length);
    expect(await count(`status <> 'imported'`)).to.equal(0);

    const second = await runCli(['import', dir, '--no-progress', '--strict'], { cwd, env, timeoutMs: 300_000 });
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.match(
      new RegExp(`^${files.length} files in .*: ${files.length - afterKill} imported, 0 replaced, ${afterKill} unchanged, 0 duplicates, 0 rejected`),
    );
    const rows = await database.read((sql) => sql.all(`SELECT name, status FROM stats_files`));
    expect(rows.map((r) => String(r.name)).sort()).to.deep.equal(files);
    expect(new Set(rows.map((r) => String(r.status)))).to.deep.equal(new Set(['imported']));
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, unknown>;
    for (const kind of ['players', 'rounds', 'sessions']) {
      const exported = await runCli(['export', kind], { cwd, env, timeoutMs: 120_000 });
      expect(exported.code, exported.stderr).to.equal(0);
      expect(JSON.parse(exported.stdout), kind).to.deep.equal(truth[kind]);
    }
  });
});
