import fs from 'node:fs';
import type { Database } from './database';

export interface DatabaseCheck {
  ok: boolean;
  detail: string;
  latencyMs?: number;
}

/**
 * What operating the database takes (the admin plugin's `!status`, health check and daily
 * maintenance), without handing out the database itself.
 */
export class DatabaseAdmin {
  constructor(private readonly db: Database) {}

  get kind(): 'postgres' | 'sqlite' {
    return this.db.kind;
  }

  /** `sqlite: /path/etbot.sqlite` or `postgres: host/db` (no secrets). */
  get description(): string {
    return this.db.description;
  }

  /** The SQLite database file, or null (PostgreSQL, in-memory). */
  sqliteFile(): string | null {
    if (this.db.kind !== 'sqlite') return null;
    const file = (this.db.dataSource.options as { database?: unknown }).database;
    return typeof file === 'string' && file !== ':memory:' ? file : null;
  }

  /**
   * A round trip to the database. On SQLite the file must also still be where it was opened: a
   * connection to a deleted (or moved) file keeps answering, but what it writes is lost at restart.
   */
  async check(): Promise<DatabaseCheck> {
    const started = performance.now();
    try {
      const file = this.sqliteFile();
      if (file && !fs.existsSync(file)) throw new Error(`database file ${file} is missing`);
      await this.db.read((sql) => sql.one('SELECT 1 AS ok'));
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      return { ok: true, detail: `${this.db.kind} reachable in ${latencyMs} ms`, latencyMs };
    } catch (err) {
      return { ok: false, detail: `${this.db.kind} unreachable: ${(err as Error)?.message ?? String(err)}` };
    }
  }

  /** The engine's own upkeep: `VACUUM (ANALYZE)` on PostgreSQL, `PRAGMA optimize` on SQLite. Returns what ran. */
  async optimize(): Promise<string> {
    if (this.db.kind === 'postgres') {
      // Not in a transaction: VACUUM refuses to run inside one.
      await this.db.read((sql) => sql.runner.query('VACUUM (ANALYZE)'));
      return 'VACUUM (ANALYZE)';
    }
    await this.db.read((sql) => sql.runner.query('PRAGMA optimize'));
    return 'PRAGMA optimize';
  }

  /** A consistent copy of a SQLite database in `file` (`VACUUM INTO`; the file must not exist). */
  async backupTo(file: string): Promise<void> {
    if (this.db.kind !== 'sqlite') throw new Error('backups are made by the database server on PostgreSQL (pg_dump)');
    await this.db.read((sql) => sql.runner.query('VACUUM INTO ?', [file]));
  }
}
