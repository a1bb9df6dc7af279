import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ETBOT_BIN, PROJECT_ROOT, runCli } from '../support/run-cli';

const STACK = /\n\s+at \S/;

describe('configuration errors: one line per key, exit 2, no stack, no secret', function () {
  this.timeout(180_000);
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-config-errors-'));
    fs.mkdirSync(path.join(folder, 'a-directory'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('bad DATABASE_URL values, an unknown time zone and other bad environment variables', async () => {
    const cases: { env: Record<string, string>; key: string; shows: string; secret?: string }[] = [
      { env: { DATABASE_URL: 'mysql://u:mySecret-1@db-host/db' }, key: 'DATABASE_URL', shows: 'postgres://, postgresql:// or sqlite:', secret: 'mySecret-1' },
      { env: { DATABASE_URL: 'sqlite:' }, key: 'DATABASE_URL', shows: 'sqlite:PATH' },
      { env: { DATABASE_URL: 'postgres://u:pa%zz-Secret-2@127.0.0.1/db' }, key: 'DATABASE_URL', shows: 'a % must start an escape', secret: 'Secret-2' },
      { env: { DATABASE_URL: `sqlite:${path.join(folder, 'a-directory')}` }, key: 'a-directory', shows: 'is a directory' },
      { env: { ETBOT_TIMEZONE: 'Mars/Olympus' }, key: 'ETBOT_TIMEZONE', shows: 'an IANA time zone' },
      { env: { ETBOT_LOG_LEVEL: 'loud' }, key: 'ETBOT_LOG_LEVEL', shows: '"loud"' },
      { env: { DISCORD_API_URL: 'not a url' }, key: 'DISCORD_API_URL', shows: '"not a url"' },
      { env: { REDIS_URL: 'http://:redisSecret-3@127.0.0.1' }, key: 'REDIS_URL', shows: 'redis://', secret: 'redisSecret-3' },
    ];
    for (const c of cases) {
      for (const args of [
        ['run', '!help'],
        ['import', path.join(PROJECT_ROOT, 'fixtures')],
      ]) {
        const result = await runCli(args, { cwd: folder, env: c.env });
        const what = `${JSON.stringify(c.env)} ${args[0]}`;
        expect(result.code, `${what}: ${result.stderr}`).to.equal(2);
        expect(result.stderr, what).to.not.match(STACK);
        expect(result.stderr, what).to.contain(c.key).and.contain(c.shows);
        if (c.secret) expect(result.stderr, what).to.not.contain(c.secret);
        const issueLines = result.stderr
          .trim()
          .split('\n')
          .filter((l) => l.includes(c.key));
        expect(issueLines, what).to.have.length(1);
      }
    }
  });

  // As root every file can be written: the read-only cases run the binary as the postgres user.
  const asOtherUser = process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status === 0;
  (asOtherUser ? it : it.skip)('a read-only SQLite file: read commands answer and say writes are unavailable; a read-only folder: one clear line', async () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-readonly-'));
    fs.chmodSync(shared, 0o755);
    const file = path.join(shared, 'etbot.sqlite');
    const imported = await runCli(['import', path.join(PROJECT_ROOT, 'fixtures')], { cwd: shared, env: { DATABASE_URL: `sqlite:${file}` } });
    expect(imported.code, imported.stderr).to.equal(0);
    const started = await runCli(['run', '!help'], { cwd: shared, env: { DATABASE_URL: `sqlite:${file}` } }); // the plugins' tables, as `etbot start` makes them
    expect(started.code, started.stderr).to.equal(0);
    fs.chmodSync(file, 0o644); // owned by root: the postgres user may read it, not write it
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    const asPostgres = (args: string[]) =>
      spawnSync(process.execPath, [ETBOT_BIN, ...args], {
        cwd: os.tmpdir(),
        uid,
        gid,
        env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${file}` },
        encoding: 'utf8',
      });
    try {
      // The folder is writable (SQLite keeps its -shm there), the file is not.
      const writableFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-readonly-file-'));
      fs.chownSync(writableFolder, uid, gid);
      const copy = path.join(writableFolder, 'etbot.sqlite');
      fs.copyFileSync(file, copy);
      fs.chmodSync(copy, 0o444);
      const onCopy = (args: string[]) =>
        spawnSync(process.execPath, [ETBOT_BIN, ...args], {
          cwd: os.tmpdir(),
          uid,
          gid,
          env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${copy}` },
          encoding: 'utf8',
        });
      for (const line of ['!top kills', '!stats slasher', '!last_session', '!rating slasher']) {
        const result = onCopy(['run', line]);
        expect(result.status, `${line}: ${result.stderr}`).to.equal(0);
        expect(result.stdout.length, line).to.be.greaterThan(20);
        expect(result.stderr, line).to.not.match(/SQLITE_|SqliteError|"level":50/);
        expect(result.stderr, line).to.contain('is read-only: commands that read work; imports and other writes are unavailable');
      }
      fs.rmSync(writableFolder, { recursive: true, force: true });

      // A read-only folder (as on a read-only mount): SQLite cannot make its -shm file, so it cannot read the WAL database.
      const result = asPostgres(['run', '!top kills']);
      expect(result.status).to.equal(2);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.contain(`SQLite ${file} is read-only and so is its folder`);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });
});
