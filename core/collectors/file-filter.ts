import { classifyFileName, parseFileName } from '../parsing/file-name';

/**
 * Spec §9: every `.txt` that is not one of the ignored kinds counts. A `.txt` with a bad round name
 * is still handed to the importer, which rejects it with a reason (so an admin sees it).
 */
export function isCollectable(name: string): boolean {
  return classifyFileName(name) !== 'ignored';
}

/** True when the name's date is within `days` days before `now` (names without a date count as old). */
export function isWithinLookBack(name: string, days: number, now: Date): boolean {
  const parsed = parseFileName(name);
  if (typeof parsed === 'string') return false;
  const nameDay = Date.parse(`${parsed.date}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return today - nameDay <= days * 86_400_000;
}
