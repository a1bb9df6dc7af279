import type { Database } from '../../data/database';
import { bool, num } from '../../data/sql';
import type { FetchedFileRecord, FetchedFileStore } from '../fetched-file-store';

/** FetchedFileStore in the database (table fetched_remote_files), on PostgreSQL or SQLite. */
export class FetchedRemoteFileStore implements FetchedFileStore {
  constructor(private readonly db: Database) {}

  async list(collector: string): Promise<Map<string, FetchedFileRecord>> {
    const rows = await this.db.read((sql) => sql.all('SELECT remote_name, size, mtime_ms, skipped FROM fetched_remote_files WHERE collector = ?', [collector]));
    const files = new Map<string, FetchedFileRecord>();
    for (const r of rows) {
      const name = String(r.remote_name);
      files.set(name, { name, size: num(r.size), mtimeMs: num(r.mtime_ms), skipped: bool(r.skipped) });
    }
    return files;
  }

  async record(collector: string, file: FetchedFileRecord): Promise<void> {
    await this.db.transaction(async (sql) => {
      const skipped = sql.kind === 'sqlite' ? (file.skipped ? 1 : 0) : (file.skipped ?? false);
      await sql.run(
        `INSERT INTO fetched_remote_files (collector, remote_name, size, mtime_ms, skipped, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (collector, remote_name) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
           skipped = excluded.skipped, fetched_at = excluded.fetched_at`,
        [collector, file.name, file.size, file.mtimeMs, skipped, new Date().toISOString()],
      );
    });
  }
}
