import { DatabaseOpenError } from './database-open-error';
import { describeTarget, type DatabaseTarget } from '../config/database-url';

/** Why the database did not open, as one line naming it (never its password). */
export function openFailure(target: DatabaseTarget, readOnly: boolean, err: unknown): DatabaseOpenError {
  const code = (err as { code?: string }).code ?? '';
  const name = describeTarget(target);
  if (target.kind === 'sqlite' && readOnly && /^SQLITE_(READONLY|CANTOPEN)/.test(code)) {
    return new DatabaseOpenError(
      `${name} is read-only and so is its folder: SQLite must create ${target.path}-shm beside the file to read it; make the folder writable, or copy the file to one that is`,
    );
  }
  const reason = (err as Error)?.message ?? String(err);
  return new DatabaseOpenError(`${name} cannot be opened: ${reason}${code && !reason.includes(code) ? ` (${code})` : ''}`);
}
