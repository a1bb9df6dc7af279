import fs from 'node:fs';
import type { CollectorStatus } from '../collectors/types';
import type { Database } from '../data/database';

export interface CheckResult {
  /** `database`, or `collector <name>`. */
  component: string;
  ok: boolean;
  detail: string;
  latencyMs?: number;
}

/** The path of a SQLite database file, or null (PostgreSQL, in-memory). */
export function sqliteFile(db: Database): string | null {
  if (db.kind !== 'sqlite') return null;
  const file = (db.dataSource.options as { database?: unknown }).database;
  return typeof file === 'string' && file !== ':memory:' ? file : null;
}

/**
 * A round trip to the database. On SQLite the file must also still be where it was opened: a
 * connection to a deleted (or moved) file keeps answering, but what it writes is lost at restart.
 */
export async function checkDatabase(db: Database): Promise<CheckResult> {
  const started = performance.now();
  try {
    const file = sqliteFile(db);
    if (file && !fs.existsSync(file)) throw new Error(`database file ${file} is missing`);
    await db.read((sql) => sql.one('SELECT 1 AS ok'));
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { component: 'database', ok: true, detail: `${db.kind} reachable in ${latencyMs} ms`, latencyMs };
  } catch (err) {
    return { component: 'database', ok: false, detail: `${db.kind} unreachable: ${(err as Error)?.message ?? String(err)}` };
  }
}

/** A collector is healthy unless it is failing (it has its own retry and backoff). */
export function checkCollector(status: CollectorStatus): CheckResult {
  const component = `collector ${status.name}`;
  if (status.state === 'failing') {
    return { component, ok: false, detail: `failing (${status.consecutiveFailures} in a row): ${status.lastError ?? 'unknown error'}` };
  }
  return { component, ok: true, detail: `${status.state}, last success ${status.lastSuccessAt ?? 'never'}` };
}
