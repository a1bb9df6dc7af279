import { Client } from 'pg';
import type { SqlValue } from '../../core/data/sql';
import type { TableRows } from './model';

const ROWS_PER_STATEMENT = 20_000;
/** Tables whose `id` comes from a sequence the app will keep using after the bulk load. */
const SERIAL_TABLES = ['stats_files', 'rounds', 'matches', 'gaming_sessions', 'session_team_members', 'player_aliases'];

/**
 * Bulk rows into a migrated PostgreSQL database through pg: INSERT ... SELECT * FROM unnest(one
 * array per column), 20,000 rows a statement, one transaction per chunk with asynchronous commit;
 * secondary indexes dropped while loading and built again at the end, then VACUUM ANALYZE (so the
 * visibility map allows index-only scans, as on a database filled over time).
 */
export class PostgresBulkWriter {
  private readonly client: Client;
  private readonly types = new Map<string, Map<string, string>>();
  private droppedIndexes: { name: string; def: string }[] = [];

  private constructor(client: Client) {
    this.client = client;
  }

  static async open(url: string, tables: readonly string[]): Promise<PostgresBulkWriter> {
    const client = new Client({ connectionString: url });
    await client.connect();
    const writer = new PostgresBulkWriter(client);
    await client.query('SET synchronous_commit = off');
    const columns = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
      `SELECT table_name, column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1)`,
      [tables],
    );
    for (const c of columns.rows) {
      let m = writer.types.get(c.table_name);
      if (!m) writer.types.set(c.table_name, (m = new Map()));
      m.set(c.column_name, c.udt_name.replace(/^_/, ''));
    }
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)
         AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [tables],
    );
    writer.droppedIndexes = indexes.rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
    for (const i of writer.droppedIndexes) await client.query(`DROP INDEX "${i.name}"`);
    return writer;
  }

  async writeChunk(tables: readonly TableRows[]): Promise<void> {
    await this.client.query('BEGIN');
    try {
      for (const t of tables) {
        for (let i = 0; i < t.rows.length; i += ROWS_PER_STATEMENT) await this.insert(t, t.rows.slice(i, i + ROWS_PER_STATEMENT));
      }
      await this.client.query('COMMIT');
    } catch (err) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  async finish(): Promise<void> {
    await this.client.query(`SET maintenance_work_mem = '1GB'`);
    for (const i of this.droppedIndexes) await this.client.query(i.def);
    for (const t of SERIAL_TABLES) {
      await this.client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE((SELECT MAX(id) FROM ${t}), 0) + 1, false)`);
    }
    await this.client.query('VACUUM ANALYZE');
    await this.client.end();
  }

  async abort(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async insert(t: TableRows, rows: SqlValue[][]): Promise<void> {
    const types = this.types.get(t.table);
    if (!types) throw new Error(`big database: no table ${t.table} in PostgreSQL`);
    const arrays = t.columns.map((_, c) => rows.map((r) => r[c] ?? null));
    const casts = t.columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`);
    await this.client.query(`INSERT INTO ${t.table} (${t.columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, arrays);
  }
}
