import os from 'node:os';
import { openDatabase } from '../../core/data';
import type { GeneratedFile } from '../../core/parsing/generator';
import { BigDbModel } from './model';
import { PostgresBulkWriter } from './write-postgres';
import { SqliteBulkWriter } from './write-sqlite';

const TABLES = ['stats_files', 'rounds', 'matches', 'gaming_sessions', 'session_team_members', 'player_rounds', 'weapon_rounds', 'players', 'player_aliases'];

export interface BulkTargets {
  /** An SQLite file path (created and migrated here). */
  sqlitePath?: string;
  /** An existing, empty PostgreSQL database (migrated here). */
  postgresUrl?: string;
}

export interface BigDbCounts {
  rounds: number;
  playerRounds: number;
  weaponRounds: number;
  matches: number;
  sessions: number;
  players: number;
}

/**
 * Writes the rounds of `chunks` (see roundFileChunks) into each target in bulk: the schema comes
 * from the app's own migrations, the rows from BigDbModel. One pass feeds both databases.
 */
export async function writeBigDatabases(
  chunks: Iterable<readonly GeneratedFile[]>,
  targets: BulkTargets,
  onChunk?: (counts: BigDbModel['counts']) => void,
): Promise<BigDbCounts> {
  for (const url of [targets.sqlitePath && `sqlite:${targets.sqlitePath}`, targets.postgresUrl]) {
    if (!url) continue;
    const db = await openDatabase({ url, dataDir: os.tmpdir() });
    await db.close();
  }
  const sqlite = targets.sqlitePath ? new SqliteBulkWriter(targets.sqlitePath, TABLES) : undefined;
  const postgres = targets.postgresUrl ? await PostgresBulkWriter.open(targets.postgresUrl, TABLES) : undefined;
  const model = new BigDbModel();
  try {
    let pending: Promise<void> | undefined;
    for (const files of chunks) {
      const rows = model.deriveChunk(files);
      // PostgreSQL works through the previous chunk in its own process while this one is derived.
      await pending;
      pending = postgres?.writeChunk(rows);
      sqlite?.writeChunk(rows);
      onChunk?.(model.counts);
    }
    await pending;
    const last = model.finalRows();
    sqlite?.writeChunk(last);
    await postgres?.writeChunk(last);
    sqlite?.finish();
    await postgres?.finish();
    return { ...model.counts, players: last[0]!.rows.length };
  } catch (err) {
    await postgres?.abort();
    throw err;
  }
}
