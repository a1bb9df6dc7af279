import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';

export type DatabaseKind = 'postgres' | 'sqlite';
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

/**
 * Thin raw-SQL access over one TypeORM QueryRunner: write `?` placeholders, they become `$n` on
 * PostgreSQL. Results are plain rows; use `num()` on aggregates (PostgreSQL returns them as strings).
 */
export class Sql {
  constructor(
    readonly runner: QueryRunner,
    readonly kind: DatabaseKind,
  ) {}

  async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.execute(sql, params)).rows as T[];
  }

  async one<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Issues a write whose result nobody needs and goes on without waiting for it (PostgreSQL; on
   * SQLite it simply runs). Statements still run in the order they were issued; the first
   * failure is thrown by `settle()`, which every transaction calls before it commits.
   */
  async later(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    if (this.kind !== 'postgres') {
      await this.run(sql, params);
      return;
    }
    const issued = this.run(sql, params);
    issued.catch(() => undefined); // reported by settle()
    this.unsettled.push(issued);
  }

  /** Waits for every `later` write; throws the first failure. */
  async settle(): Promise<void> {
    const pending = this.unsettled;
    this.unsettled = [];
    const failed = (await Promise.allSettled(pending)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
  private unsettled: Promise<unknown>[] = [];

  /** Runs a statement; returns the number of affected rows. */
  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.execute(sql, params)).affected;
  }

  /**
   * Straight to the driver connection the runner holds (pg client / better-sqlite3 handle):
   * the importer runs tens of thousands of small statements and TypeORM's per-query overhead
   * dominated them. Errors are wrapped with the statement, like TypeORM's QueryFailedError.
   */
  private execute(sql: string, params: readonly SqlValue[]): Promise<{ rows: Row[]; affected: number }> {
    // PostgreSQL: the statement takes its turn now, so statements run in the order they were issued.
    if (this.kind === 'postgres') {
      return this.inTurn(async () => {
        try {
          const connection = (await this.runner.connect()) as PgClient;
          // Named (prepared once per connection) statements: planning dominated small statements.
          const text = this.prepare(sql);
          const result = await connection.query({ name: statementName(text), text, values: params as SqlValue[] });
          return { rows: result.rows ?? [], affected: result.rowCount ?? 0 };
        } catch (err) {
          throw new SqlError(sql, err);
        }
      });
    }
    return (async () => {
      try {
        const connection = (await this.runner.connect()) as SqliteHandle;
        const stmt = cachedStatement(connection, sql);
        const values = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
        if (stmt.reader) return { rows: stmt.all(...values) as Row[], affected: 0 };
        return { rows: [], affected: stmt.run(...values).changes };
      } catch (err) {
        throw new SqlError(sql, err);
      }
    })();
  }

  /** A statement without parameters (PostgreSQL: simple protocol, so several may be sent at once). */
  simple(sql: string): Promise<void> {
    const run = async (): Promise<void> => {
      try {
        const connection = await this.runner.connect();
        if (this.kind === 'postgres') await (connection as PgClient).query(sql);
        else cachedStatement(connection as SqliteHandle, sql).run();
      } catch (err) {
        throw new SqlError(sql, err);
      }
    };
    return this.kind === 'postgres' ? this.inTurn(run) : run();
  }

  /**
   * PostgreSQL: one statement at a time on the connection, in the order they were issued, even
   * when a caller does not wait for one before issuing the next (a batch import sends rows while
   * it goes on): the pg client's own queue for that is deprecated.
   */
  private inTurn<T>(run: () => Promise<T>): Promise<T> {
    const turn = this.previous.then(run, run);
    this.previous = turn.catch(() => undefined);
    return turn;
  }
  private previous: Promise<unknown> = Promise.resolve();

  /** INSERT ... RETURNING id (both databases support RETURNING). */
  async insertReturningId(table: string, values: Record<string, SqlValue>): Promise<number> {
    const cols = Object.keys(values);
    const rows = await this.all<{ id: number }>(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) RETURNING id`,
      cols.map((c) => values[c] ?? null),
    );
    return Number(rows[0]!.id);
  }

  /**
   * Multi-row INSERT. PostgreSQL: one array per column through unnest(), so the statement text is
   * the same whatever the row count (prepared once) and binding stays cheap. SQLite: VALUES tuples
   * in chunks under its parameter limit.
   */
  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], onConflict = ''): Promise<void> {
    if (rows.length === 0) return;
    if (this.kind === 'postgres') {
      const insert = await this.unnestInsert(table, columns, rows, onConflict);
      await this.run(insert.sql, insert.params);
      return;
    }
    const perChunk = Math.max(1, Math.floor(30000 / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < rows.length; start += perChunk) {
      const chunk = rows.slice(start, start + perChunk);
      const params: SqlValue[] = [];
      for (const row of chunk) for (const v of row) params.push(v === undefined ? null : v);
      await this.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${onConflict}`, params);
    }
  }

  /**
   * PostgreSQL only: the INSERT ... SELECT * FROM unnest(arrays) statement for `rows`, to run
   * alone or inside a WITH of another statement (several writes in one round trip).
   */
  async unnestInsert(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
    onConflict = '',
  ): Promise<{ sql: string; params: SqlValue[] }> {
    const types = await this.columnTypes(table);
    const arrays = columns.map((_, i) => rows.map((r) => (r[i] === undefined ? null : r[i]!)));
    const casts = columns.map((c) => {
      const t = types.get(c);
      if (!t) throw new Error(`table ${table} has no column ${c}`);
      return `?::${t}[]`;
    });
    // unnest() in the select list, one per column: PostgreSQL walks the arrays in step and streams
    // the rows (unnest(a, b, ...) in FROM would first copy every row into a tuple store).
    return {
      sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${casts.map((c) => `unnest(${c})`).join(', ')} ${onConflict}`,
      params: arrays as unknown as SqlValue[],
    };
  }

  private async columnTypes(table: string): Promise<Map<string, string>> {
    let types = pgColumnTypes.get(table);
    if (!types) {
      const rows = await this.all(`SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`, [
        table,
      ]);
      types = new Map(rows.map((r) => [String(r.column_name), String(r.udt_name)]));
      pgColumnTypes.set(table, types);
    }
    return types;
  }

  /**
   * A text expression compared or sorted byte-wise (as JavaScript does) on both engines:
   * PostgreSQL would otherwise use the database's locale, which ignores punctuation such as '_'.
   */
  bytewise(expr: string): string {
    return this.kind === 'postgres' ? `${expr} COLLATE "C"` : expr;
  }

  /** `IN (?, ?, ...)` for a list (callers guarantee it is not empty). */
  static list(values: readonly unknown[]): string {
    return `(${values.map(() => '?').join(', ')})`;
  }

  private prepare(sql: string): string {
    if (this.kind === 'sqlite') return sql;
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  }
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] } | string): Promise<{ rows: Row[]; rowCount: number | null }>;
}

const statementNames = new Map<string, string>();
/** PostgreSQL column types by table (the schema is the same for every connection of a process). */
const pgColumnTypes = new Map<string, Map<string, string>>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `etbot_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statementNames.size > 5000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}
interface SqliteStatement {
  reader: boolean;
  all(...values: unknown[]): unknown[];
  run(...values: unknown[]): { changes: number };
}
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}

const statementCaches = new WeakMap<SqliteHandle, Map<string, SqliteStatement>>();

function cachedStatement(db: SqliteHandle, sql: string): SqliteStatement {
  let cache = statementCaches.get(db);
  if (!cache) statementCaches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}

/** A failed statement: the driver's message plus the SQL (never the parameters: they may hold names). */
export class SqlError extends Error {
  override readonly name = 'SqlError';
  constructor(
    readonly sql: string,
    override readonly cause: unknown,
  ) {
    super(`${cause instanceof Error ? cause.message : String(cause)} (in: ${sql.replace(/\s+/g, ' ').slice(0, 200)})`);
  }
}

/** Aggregates and integer columns as numbers on both databases (null stays null). */
export function num(value: unknown): number;
export function num(value: unknown, nullable: true): number | null;
export function num(value: unknown, nullable = false): number | null {
  if (value === null || value === undefined) return nullable ? null : 0;
  return typeof value === 'number' ? value : Number(value);
}

export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
