import type { FileNameKind, ParsedFileName } from './types';

const ROUND_NAME = /^(\d{4}-\d\d-\d\d)-(\d{6})-(.+)-round-(\d+)\.txt$/;
const IGNORED = [/-round-\d+-endstats\.txt$/, /-round-\d+_ws\.txt$/, /^gametime-.*\.json$/, /_engagements\.txt$/];

/**
 * §1/§9: 'ignored' for the non-stats kinds that live in the same folder (and any non-.txt),
 * 'round' for a name that parses to a valid date, time and round 1|2, else 'invalid-round-name'.
 */
export function classifyFileName(name: string): FileNameKind {
  if (!name.endsWith('.txt')) return 'ignored';
  for (const re of IGNORED) if (re.test(name)) return 'ignored';
  return typeof parseFileName(name) === 'string' ? 'invalid-round-name' : 'round';
}

/** Parses a round file name, or returns the reason it is not one. */
export function parseFileName(name: string): ParsedFileName | string {
  const m = ROUND_NAME.exec(name);
  if (!m) return `file name '${name}' does not match YYYY-MM-DD-HHMMSS-<map>-round-<N>.txt`;
  const [, date, time, map, roundText] = m as unknown as [string, string, string, string, string];
  const y = +date.slice(0, 4);
  const mo = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return `file name has an impossible date '${date}'`;
  const h = +time.slice(0, 2);
  const mi = +time.slice(2, 4);
  const s = +time.slice(4, 6);
  if (h > 23 || mi > 59 || s > 59) return `file name has an impossible time '${time}'`;
  if (roundText !== '1' && roundText !== '2') return `file name has round '${roundText}', expected 1 or 2`;
  return {
    date,
    time,
    endedAtLocal: `${date}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`,
    map,
    round: roundText === '1' ? 1 : 2,
  };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : DAYS[m - 1]!;
}
