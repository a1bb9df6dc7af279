import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseAdmin } from 'etbot/plugin-api';
import { backupFileName, pruneBackups } from './backups';

export interface MaintenanceOptions {
  /** Backups go to `<dataDir>/backups/`. */
  dataDir: string;
  /** How many SQLite backups to keep (newest); default 7. */
  keepBackups?: number;
  /** Time of the run (names the backup); default now. */
  now?: Date;
}

export interface MaintenanceReport {
  kind: 'postgres' | 'sqlite';
  /** What was done, in order, e.g. `VACUUM (ANALYZE)`. */
  steps: string[];
  backupFile: string | null;
  removedBackups: string[];
}

/**
 * Daily database care. PostgreSQL: `VACUUM (ANALYZE)`. SQLite: `PRAGMA optimize`, then a
 * consistent copy with `VACUUM INTO` (written under a temporary name and renamed when complete, so
 * a crash never leaves a half backup that counts) and only the newest `keepBackups` kept.
 */
export async function runDatabaseMaintenance(db: DatabaseAdmin, options: MaintenanceOptions): Promise<MaintenanceReport> {
  const report: MaintenanceReport = { kind: db.kind, steps: [await db.optimize()], backupFile: null, removedBackups: [] };
  if (db.kind === 'postgres') return report;
  if (!db.sqliteFile()) {
    report.steps.push('no backup: in-memory database');
    return report;
  }
  const dir = path.join(options.dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, backupFileName(options.now ?? new Date()));
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await db.backupTo(partial);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  report.steps.push(`backup ${target}`);
  report.backupFile = target;
  report.removedBackups = pruneBackups(dir, options.keepBackups ?? 7);
  return report;
}
