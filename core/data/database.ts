import { setImmediate as nextEventLoopTurn } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceExtras } from './data-source';
import { describeTarget, resolveDatabaseTarget, type DatabaseTarget } from '../config/database-url';
import { Mutex } from './mutex';
import { openFailure } from './open-failure';
import { refuseMigrationsReadOnly, runMigrations } from './run-migrations';
import { sqliteAccess } from './sqlite-access';
import { Sql, type DatabaseKind } from './sql';

export interface OpenDatabaseOptions extends DataSourceExtras {
  /** Configured `database.url`. */
  url?: string;
  /** DATABASE_URL: wins over `url`. */
  envUrl?: string;
  dataDir: string;
  /** Run pending migrations after connecting (default true). */
  migrate?: boolean;
}

/**
 * The database: a TypeORM DataSource plus transactions that are safe on both engines.
 * SQLite has one connection, so overlapping transactions would collide: they are serialised here.
 * better-sqlite3 also runs every statement synchronously, and a chain of turns that each resolve
 * at once would never hand the event loop back: each SQLite turn starts on a new event-loop turn,
 * so a command, a collector or Discord's heartbeat that arrives during a long run of reads (a
 * rebuild of the all-time totals, piece by piece) waits for one piece, not for all of them.
 */
export class Database {
  private readonly sqliteMutex = new Mutex();

  constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseKind,
    readonly description: string,
    /** Opened read-only (an SQLite file or folder that cannot be written): reads work, writes fail. */
    readonly readOnly = false,
  ) {}

  /**
   * Runs `fn` in one transaction (committed when it resolves, rolled back when it throws).
   * SQLite: BEGIN IMMEDIATE (takes the write lock up front, so two processes never deadlock on
   * upgrading a read lock). `prelude` runs first inside the transaction, in the same round trip on
   * PostgreSQL (e.g. taking an advisory lock); it must have no parameters.
   */
  async transaction<T>(fn: (sql: Sql) => Promise<T>, options: { prelude?: string } = {}): Promise<T> {
    const work = async (): Promise<T> => {
      const runner = this.dataSource.createQueryRunner();
      const sql = new Sql(runner, this.kind);
      let begun = false;
      try {
        if (this.kind === 'postgres') {
          begun = true; // BEGIN is sent with the prelude: roll back whatever part of it ran
          await sql.simple(options.prelude ? `BEGIN; ${options.prelude}` : 'BEGIN');
        } else {
          await sql.run('BEGIN IMMEDIATE');
          begun = true;
          if (options.prelude) await sql.run(options.prelude);
        }
        const result = await fn(sql);
        await sql.settle(); // a failed write not waited for must not be committed past (PostgreSQL would roll back silently)
        await sql.simple('COMMIT');
        begun = false;
        return result;
      } catch (err) {
        if (begun) await sql.simple('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        await runner.release();
      }
    };
    return this.kind === 'sqlite' ? this.sqliteTurn(work) : work();
  }

  /** Read-only work outside a transaction (still serialised on SQLite). */
  async read<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const work = async (): Promise<T> => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        return await fn(new Sql(runner, this.kind));
      } finally {
        await runner.release();
      }
    };
    return this.kind === 'sqlite' ? this.sqliteTurn(work) : work();
  }

  private sqliteTurn<T>(work: () => Promise<T>): Promise<T> {
    return this.sqliteMutex.run(async () => {
      await nextEventLoopTurn();
      return work();
    });
  }

  async migrate(): Promise<string[]> {
    if (this.readOnly) return this.sqliteMutex.run(() => refuseMigrationsReadOnly(this.dataSource, this.description));
    return this.kind === 'sqlite' ? this.sqliteMutex.run(() => runMigrations(this.dataSource)) : runMigrations(this.dataSource);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const target: DatabaseTarget = resolveDatabaseTarget(options);
  const readOnly = target.kind === 'sqlite' && sqliteAccess(target.path) === 'read-only';
  const dataSource = createDataSource(target, { ...options, readOnly });
  try {
    await dataSource.initialize();
  } catch (err) {
    throw openFailure(target, readOnly, err);
  }
  if (target.kind === 'postgres') keepDeadConnectionsQuiet(dataSource);
  const db = new Database(dataSource, target.kind, describeTarget(target), readOnly);
  try {
    if (options.migrate !== false) await db.migrate();
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/**
 * A PostgreSQL connection whose backend is terminated (a restart, `pg_terminate_backend`) can emit
 * more than one 'error' event. TypeORM listens only until it has released the connection, so a
 * late event would become an uncaught exception and take the process down. The failing query has
 * already rejected (and the importer retries it), so the late event carries no news.
 */
function keepDeadConnectionsQuiet(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: { on(event: 'connect', fn: (client: { on(e: 'error', fn: () => void): void }) => void): void } })
    .master;
  pool?.on('connect', (client) => client.on('error', () => undefined));
}
