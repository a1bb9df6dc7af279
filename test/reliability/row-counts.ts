import type { Database } from '../../core/data';

const TABLES = ['stats_files', 'rounds', 'player_rounds', 'weapon_rounds', 'players', 'matches', 'gaming_sessions'] as const;

/** COUNT(*) of the import's tables (numbers on both engines). */
export async function rowCounts(database: Database): Promise<Record<(typeof TABLES)[number], number>> {
  return database.read(async (sql) => {
    const out = {} as Record<(typeof TABLES)[number], number>;
    for (const t of TABLES) out[t] = Number((await sql.one(`SELECT COUNT(*) AS n FROM ${t}`))!.n);
    return out;
  });
}
