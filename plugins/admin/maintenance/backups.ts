import fs from 'node:fs';
import path from 'node:path';

const BACKUP_NAME = /^etbot-\d{8}T\d{6}Z\.sqlite$/;

/** `etbot-20250101T030000Z.sqlite`: names sort by time. */
export function backupFileName(at: Date): string {
  return `etbot-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.sqlite`;
}

/** Finished backups in the folder, oldest first (partial files are not backups). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Deletes all but the newest `keep` backups; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const doomed = all.slice(0, Math.max(0, all.length - keep));
  for (const file of doomed) fs.rmSync(file, { force: true });
  return doomed;
}
