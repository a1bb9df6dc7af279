import type { Database } from '../data/database';
import { num } from '../data/sql';

/** Finds a round by what a player types: a stats file's name, or a map (its latest round). */
export class RoundLookupService {
  constructor(private readonly db: Database) {}

  /** The round imported from this file name (`.txt` optional), or null. */
  roundByFileName(name: string): Promise<number | null> {
    const fileName = name.toLowerCase().endsWith('.txt') ? name : `${name}.txt`;
    return this.db.read(async (sql) => num((await sql.one('SELECT id FROM rounds WHERE file_name = ? ORDER BY id DESC LIMIT 1', [fileName]))?.id, true));
  }

  /** The latest round (by end time) of a map, its name matched case-insensitively, or null. */
  latestRoundOfMap(map: string): Promise<number | null> {
    return this.db.read(async (sql) =>
      num(
        (await sql.one(`SELECT id FROM rounds WHERE LOWER(map) = ? ORDER BY ended_at_utc DESC, ${sql.bytewise('file_name')} DESC LIMIT 1`, [map.toLowerCase()]))
          ?.id,
        true,
      ),
    );
  }
}
