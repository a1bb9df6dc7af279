import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';

/** The answer every player-facing command gives on an empty database. */
export const NO_ROUNDS_MESSAGE = 'No rounds imported yet.';

/** Whether there is anything to show yet. */
export class DataStatusService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
  ) {}

  hasRounds(): Promise<boolean> {
    return this.cache.wrap('status:has-rounds', () =>
      this.db.read(async (sql) => (await sql.one("SELECT 1 AS one FROM rounds WHERE status = 'valid' LIMIT 1")) !== undefined),
    );
  }
}
