import { UsageError } from '../plugin-api/errors';
import type { SqlValue } from '../data/sql';

/**
 * Which rounds an answer covers. `days` counts back from now (UTC instants); `range` and `month`
 * are the server's local dates as written in the file names, both ends included.
 */
export type TimeWindow = { kind: 'all' } | { kind: 'days'; days: number; sinceUtc: string } | { kind: 'range'; from: string; to: string };

export const ALL_TIME: TimeWindow = { kind: 'all' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Last `days` days from `nowMs`, the cut-off floored to the minute (so answers cache for a minute). */
export function lastDays(days: number, nowMs: number): TimeWindow {
  const since = Math.floor((nowMs - days * 86_400_000) / 60_000) * 60_000;
  return { kind: 'days', days, sinceUtc: `${new Date(since).toISOString().slice(0, 19)}Z` };
}

/**
 * Parses what a user types: `all`, `30d`, `2025-10-01..2025-10-31`, `2025-10-05` (one day) or
 * `2025-10` (a month). Returns null when the text is not a window at all.
 */
export function parseTimeWindow(text: string, nowMs: number): TimeWindow | null {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === 'alltime' || t === 'all-time') return ALL_TIME;
  const days = /^(\d{1,5})d$/.exec(t);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > 36_500) throw new UsageError(`a time window of ${n} days is out of range (1-36500)`);
    return lastDays(n, nowMs);
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (range) {
    const from = checkDate(range[1]!);
    const to = checkDate(range[2]!);
    if (from > to) throw new UsageError(`the date range ${text} ends before it starts`);
    return { kind: 'range', from, to };
  }
  if (DATE.test(t)) {
    const day = checkDate(t);
    return { kind: 'range', from: day, to: day };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw new UsageError(`'${text}' is not a month (YYYY-MM)`);
    return monthWindow(Number(month[1]), m);
  }
  return null;
}

export function monthWindow(year: number, month: number): TimeWindow {
  const last = utcDate(year, month + 1, 0).getUTCDate();
  const yyyy = String(year).padStart(4, '0');
  const mm = String(month).padStart(2, '0');
  return { kind: 'range', from: `${yyyy}-${mm}-01`, to: `${yyyy}-${mm}-${String(last).padStart(2, '0')}` };
}

function checkDate(text: string): string {
  const m = DATE.exec(text)!;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = utcDate(y, mo, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new UsageError(`'${text}' is not a real date (YYYY-MM-DD)`);
  }
  return text;
}

/** Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** The last date a window can name: the day after it has no four-digit year. */
const LAST_DATE = '9999-12-31';

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function rangeCondition(window: { from: string; to: string }, alias: string): { sql: string; params: SqlValue[] } {
  if (window.to === LAST_DATE) return { sql: ` AND ${alias}.ended_at_local >= ?`, params: [window.from] };
  return { sql: ` AND ${alias}.ended_at_local >= ? AND ${alias}.ended_at_local < ?`, params: [window.from, nextDay(window.to)] };
}

/** SQL condition on a rounds alias (`r`), with its parameters; empty for all time. */
export function windowCondition(window: TimeWindow, alias = 'r'): { sql: string; params: SqlValue[] } {
  switch (window.kind) {
    case 'all':
      return { sql: '', params: [] };
    case 'days':
      return { sql: ` AND ${alias}.ended_at_utc >= ?`, params: [window.sinceUtc] };
    case 'range':
      return rangeCondition(window, alias);
  }
}

/** Stable text for cache keys. */
export function windowKey(window: TimeWindow): string {
  switch (window.kind) {
    case 'all':
      return 'all';
    case 'days':
      return `since:${window.sinceUtc}`;
    case 'range':
      return `range:${window.from}..${window.to}`;
  }
}

/** "all time", "last 30 days", "2025-10-01 to 2025-10-31", "2025-10-05". */
export function describeWindow(window: TimeWindow): string {
  switch (window.kind) {
    case 'all':
      return 'all time';
    case 'days':
      return window.days === 1 ? 'last 24 hours' : `last ${window.days} days`;
    case 'range':
      return window.from === window.to ? window.from : `${window.from} to ${window.to}`;
  }
}
