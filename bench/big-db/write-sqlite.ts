import BetterSqlite3 from 'better-sqlite3';
import type { SqlValue } from '../../core/data/sql';
import type { TableRows } from './model';

/** SQLite allows 32,766 bound values per statement. */
const MAX_VALUES = 32_000;

/**
 * Bulk rows into a migrated SQLite file through better-sqlite3: multi-row prepared INSERTs, one
 * transaction per chunk, secondary indexes dropped while loading and built again at the end.
 */
export class SqliteBulkWriter {
  private readonly db: BetterSqlite3.Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly droppedIndexes: { name: string; sql: string }[];

  constructor(path: string, tables: readonly string[]) {
    this.db = new BetterSqlite3(path);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -524288');
    this.db.pragma('temp_store = MEMORY');
    const list = tables.map((t) => `'${t}'`).join(', ');
    // Indexes that back a primary key or UNIQUE constraint have no sql and stay.
    this.droppedIndexes = this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`).all() as {
      name: string;
      sql: string;
    }[];
    for (const i of this.droppedIndexes) this.db.exec(`DROP INDEX "${i.name}"`);
  }

  writeChunk(tables: readonly TableRows[]): void {
    this.db.transaction(() => {
      for (const t of tables) this.insert(t);
    })();
  }

  /** Builds the indexes again, analyses, and leaves the file in WAL mode as the app expects. */
  finish(): void {
    for (const i of this.droppedIndexes) this.db.exec(i.sql);
    this.db.exec('ANALYZE');
    this.db.pragma('journal_mode = WAL');
    this.db.close();
  }

  private insert(t: TableRows): void {
    const perStatement = Math.max(1, Math.floor(MAX_VALUES / t.columns.length));
    let i = 0;
    for (; i + perStatement <= t.rows.length; i += perStatement) this.run(t, t.rows.slice(i, i + perStatement));
    if (i < t.rows.length) this.run(t, t.rows.slice(i));
  }

  private run(t: TableRows, rows: SqlValue[][]): void {
    const key = `${t.table}:${rows.length}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const row = `(${t.columns.map(() => '?').join(', ')})`;
      statement = this.db.prepare(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${Array(rows.length).fill(row).join(', ')}`);
      this.statements.set(key, statement);
    }
    const values: (string | number | null)[] = [];
    for (const r of rows) for (const v of r) values.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
    statement.run(values);
  }
}
