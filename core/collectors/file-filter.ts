import { classifyFileName, parseFileName } from '../parsing/file-name';
import { unsafeNameReason } from '../ingest/safe-names';

/**
 * What a collector does with a listed name: `collect` it, `ignore` it silently (spec §1: the other
 * kinds of files in the folder), or skip it as `unsafe` (it could not be stored as a plain name).
 */
export type NameVerdict = { take: 'collect' } | { take: 'ignore' } | { take: 'unsafe'; reason: string };

/**
 * Spec §9: every `.txt` that is not one of the ignored kinds counts. A `.txt` with a bad round name
 * is still handed to the importer, which rejects it with a reason (so an admin sees it).
 */
export function judgeName(name: string): NameVerdict {
  const unsafe = unsafeNameReason(name);
  if (unsafe !== null) return { take: 'unsafe', reason: unsafe };
  return classifyFileName(name) === 'ignored' ? { take: 'ignore' } : { take: 'collect' };
}

export function isCollectable(name: string): boolean {
  return judgeName(name).take === 'collect';
}

/** True when the name's date is within `days` days before `now` (names without a date count as old). */
export function isWithinLookBack(name: string, days: number, now: Date): boolean {
  const parsed = parseFileName(name);
  if (typeof parsed === 'string') return false;
  const nameDay = Date.parse(`${parsed.date}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return today - nameDay <= days * 86_400_000;
}
