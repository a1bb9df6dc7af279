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
    const result = await this.runner.query(this.prepare(sql), params as SqlValue[], true);
    return (result.records ?? []) as T[];
  }

  async one<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs a statement; returns the number of affected rows. */
  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.runner.query(this.prepare(sql), params as SqlValue[], true);
    return result.affected ?? 0;
  }

  /** INSERT ... RETURNING id (both databases support RETURNING). */
  async insertReturningId(table: string, values: Record<string, SqlValue>): Promise<number> {
    const cols = Object.keys(values);
    const rows = await this.all<{ id: number }>(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) RETURNING id`,
      cols.map((c) => values[c] ?? null),
    );
    return Number(rows[0]!.id);
  }

  /** Multi-row INSERT in chunks that stay under both databases' parameter limits. */
  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    const perChunk = Math.max(1, Math.floor(30000 / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < rows.length; start += perChunk) {
      const chunk = rows.slice(start, start + perChunk);
      const params: SqlValue[] = [];
      for (const row of chunk) for (const v of row) params.push(v === undefined ? null : v);
      await this.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, params);
    }
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
