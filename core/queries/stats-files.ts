import type { Database } from '../data/database';
import { num } from '../data/sql';

export interface StatsFileCounts {
  imported: number;
  duplicate: number;
  rejected: number;
}

export interface RejectedFile {
  name: string;
  reason: string | null;
  source: string;
  /** ISO instant (UTC) of the rejection. */
  at: string;
}

/** The files etbot has seen: how many of each outcome, the latest import, the rejected ones. */
export class StatsFilesService {
  constructor(private readonly db: Database) {}

  async counts(): Promise<StatsFileCounts> {
    const rows = await this.db.read((sql) => sql.all(`SELECT status, COUNT(*) AS n FROM stats_files GROUP BY status`));
    const by = Object.fromEntries(rows.map((r) => [String(r.status), num(r.n)]));
    return { imported: by.imported ?? 0, duplicate: by.duplicate ?? 0, rejected: by.rejected ?? 0 };
  }

  /** The most recently imported file, or null. */
  async lastImported(): Promise<{ name: string; at: string } | null> {
    const row = await this.db.read((sql) =>
      sql.one(`SELECT name, updated_at FROM stats_files WHERE status = 'imported' ORDER BY updated_at DESC, id DESC LIMIT 1`),
    );
    return row ? { name: String(row.name), at: String(row.updated_at) } : null;
  }

  /** Rejected files, newest first. */
  async rejected(options: { limit: number; offset: number }): Promise<{ total: number; files: RejectedFile[] }> {
    return this.db.read(async (sql) => {
      const count = await sql.one(`SELECT COUNT(*) AS n FROM stats_files WHERE status = 'rejected'`);
      const rows = await sql.all(
        `SELECT name, reason, source, updated_at FROM stats_files WHERE status = 'rejected' ORDER BY updated_at DESC, ${sql.bytewise('name')} LIMIT ? OFFSET ?`,
        [options.limit, options.offset],
      );
      return {
        total: num(count?.n),
        files: rows.map((r) => ({
          name: String(r.name),
          reason: r.reason === null ? null : String(r.reason),
          source: String(r.source),
          at: String(r.updated_at),
        })),
      };
    });
  }
}
