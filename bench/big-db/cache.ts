import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { coreMigrations } from '../../core/data/migrations';
import { writeBigDatabases } from './build';
import { roundFileChunks } from './source-files';

/** Bump when the builder writes different rows for the same size and seed. */
const BUILDER_VERSION = 2;

export interface BigDbRequest {
  rounds: number;
  seed?: number;
  /** A PostgreSQL server to keep a cached database on (its URL names any database there). */
  postgresAdminUrl?: string;
  log?: (line: string) => void;
}

export interface BigDbHandles {
  sqlitePath: string;
  postgresUrl?: string;
  /** Seconds spent building now (0 when both came from the cache). */
  buildSeconds: number;
}

/** Where built databases are kept between runs (ETBOT_BENCH_CACHE, else the temp dir). */
export function cacheDir(): string {
  return process.env.ETBOT_BENCH_CACHE ?? path.join(os.tmpdir(), 'etbot-bench-cache');
}

/** Size, seed, the schema (every migration's name and code) and the builder's version. */
export function cacheKey(rounds: number, seed: number): string {
  const schema = crypto
    .createHash('sha256')
    // The migrations' compiled code, not only their names: an index added to an existing migration counts.
    .update(`${BUILDER_VERSION}:${coreMigrations.map((m) => `${m.name}:${String((m.prototype as { up?: unknown }).up)}`).join(',')}`)
    .digest('hex')
    .slice(0, 10);
  return `${rounds}_${seed}_${schema}`;
}

/**
 * The big database of this size and seed on SQLite (and on PostgreSQL when a server is given),
 * from the cache when it was built before, else built now in one pass for whichever is missing.
 * A database is only cached once it is complete (built under a temporary name, then renamed).
 */
export async function ensureBigDatabases(request: BigDbRequest): Promise<BigDbHandles> {
  const seed = request.seed ?? 1;
  const key = cacheKey(request.rounds, seed);
  const log = request.log ?? (() => undefined);
  fs.mkdirSync(cacheDir(), { recursive: true });
  const sqlitePath = path.join(cacheDir(), `bigdb_${key}.sqlite`);
  const pgName = `etbot_bigdb_${key}`;
  const needSqlite = !fs.existsSync(sqlitePath);
  const needPostgres = request.postgresAdminUrl !== undefined && !(await databaseExists(request.postgresAdminUrl, pgName));
  const postgresUrl = request.postgresAdminUrl ? withDatabase(request.postgresAdminUrl, pgName) : undefined;
  if (!needSqlite && !needPostgres) return { sqlitePath, postgresUrl, buildSeconds: 0 };

  const partialSqlite = `${sqlitePath}.partial-${process.pid}`;
  const partialPg = `${pgName}_partial`;
  if (needPostgres) {
    await admin(request.postgresAdminUrl!, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${partialPg} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${partialPg}`);
    });
  }
  fs.rmSync(partialSqlite, { force: true });
  const built = [needSqlite && 'SQLite', needPostgres && 'PostgreSQL'].filter(Boolean).join(' and ');
  log(`building the ${request.rounds.toLocaleString('en')}-round database (${built}, seed ${seed}) ...`);
  const start = Date.now();
  let lastLog = start;
  const counts = await writeBigDatabases(
    roundFileChunks({ rounds: request.rounds, seed }),
    { sqlitePath: needSqlite ? partialSqlite : undefined, postgresUrl: needPostgres ? withDatabase(request.postgresAdminUrl!, partialPg) : undefined },
    (c) => {
      if (Date.now() - lastLog < 15_000) return;
      lastLog = Date.now();
      log(`  ${c.rounds.toLocaleString('en')} rounds, ${c.weaponRounds.toLocaleString('en')} weapon rows, ${Math.round((Date.now() - start) / 1000)} s`);
    },
  );
  if (needSqlite) {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${partialSqlite}${suffix}`, { force: true });
    fs.renameSync(partialSqlite, sqlitePath);
  }
  if (needPostgres) await admin(request.postgresAdminUrl!, (c) => c.query(`ALTER DATABASE ${partialPg} RENAME TO ${pgName}`));
  await dropStaleCopies(request.rounds, seed, key, request.postgresAdminUrl);
  const buildSeconds = (Date.now() - start) / 1000;
  log(
    `  built in ${buildSeconds.toFixed(0)} s: ${counts.rounds.toLocaleString('en')} rounds, ${counts.playerRounds.toLocaleString('en')} player rounds, ` +
      `${counts.weaponRounds.toLocaleString('en')} weapon rows, ${counts.sessions.toLocaleString('en')} sessions, ${counts.players.toLocaleString('en')} players`,
  );
  return { sqlitePath, postgresUrl, buildSeconds };
}

/** Cached databases of the same size and seed built for an older schema or builder: never used again. */
async function dropStaleCopies(rounds: number, seed: number, key: string, adminUrl: string | undefined): Promise<void> {
  const prefix = `bigdb_${rounds}_${seed}_`;
  for (const f of fs.readdirSync(cacheDir())) {
    if (f.startsWith(prefix) && f.endsWith('.sqlite') && f !== `bigdb_${key}.sqlite`) fs.rmSync(path.join(cacheDir(), f), { force: true });
  }
  if (!adminUrl) return;
  await admin(adminUrl, async (c) => {
    const stale = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ $1 AND datname <> $2`, [
      `^etbot_${prefix}[0-9a-f]+$`,
      `etbot_bigdb_${key}`,
    ]);
    for (const d of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${d.datname} WITH (FORCE)`);
  });
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return admin(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
