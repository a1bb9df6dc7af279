import fs from 'node:fs';
import path from 'node:path';
import { DatabaseOpenError } from './database-open-error';

export type SqliteAccess = 'read-write' | 'read-only';

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * How an SQLite file can be opened, found before SQLite tries (its own errors name neither the
 * file nor the cause): read-write; read-only when the file or its folder cannot be written (a
 * read-only file or mount); or a DatabaseOpenError saying why not at all. Creates the folder of a
 * new database.
 */
export function sqliteAccess(file: string): SqliteAccess {
  if (file === ':memory:') return 'read-write';
  const folder = path.dirname(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory())
    throw new DatabaseOpenError(`SQLite ${file} is a directory: the database must be a file (for example sqlite:${path.join(file, 'etbot.sqlite')})`);
  if (!stat) {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (err) {
      throw new DatabaseOpenError(
        `SQLite ${file} cannot be created: its folder ${folder} cannot be made (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
    if (!writable(folder)) throw new DatabaseOpenError(`SQLite ${file} does not exist and cannot be created: its folder ${folder} is not writable`);
    return 'read-write';
  }
  return writable(file) && writable(folder) ? 'read-write' : 'read-only';
}
