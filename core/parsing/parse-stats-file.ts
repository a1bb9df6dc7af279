import { parseFileName } from './file-name';
import { parseHeader } from './parse-header';
import { parsePlayerLine } from './parse-player-line';
import type { ParseResult, ParseWarning, PlayerLine } from './types';

/** Skipped-line warnings kept per file; past this they are only counted (a file of 130,000 bad lines stays small). */
export const MAX_KEPT_WARNINGS = 20;

/**
 * Parses one round stats file (spec §1-3, §7-9). Pure: no I/O, never throws for any content.
 * A whole-file problem gives `{ ok: false, reason }`; a bad player line is skipped with a warning.
 * Values are raw (an R2 is still cumulative).
 */
export function parseStatsFile(fileName: string, content: Buffer | string): ParseResult {
  const reject = (reason: string): ParseResult => ({ ok: false, fileName, reason });
  const file = parseFileName(fileName);
  if (typeof file === 'string') return reject(file);
  const s = typeof content === 'string' ? content : content.toString('utf8');
  if (s.length === 0) return reject('file is empty');

  let lineEnd = s.indexOf('\n');
  if (lineEnd < 0) lineEnd = s.length;
  const headerLine = s.slice(0, lineEnd > 0 && s.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
  const header = parseHeader(headerLine, file);
  if (typeof header === 'string') return reject(header);

  const players: PlayerLine[] = [];
  const warnings: ParseWarning[] = [];
  let warningCount = 0;
  const warn = (line: number, reason: string) => {
    warningCount++;
    if (warnings.length < MAX_KEPT_WARNINGS) warnings.push({ line, reason });
  };
  const seen = new Set<string>();
  let lineNumber = 1;
  let start = lineEnd + 1;
  // The final newline ends the last line; it does not open an empty one.
  while (start < s.length) {
    lineNumber++;
    let next = s.indexOf('\n', start);
    if (next < 0) next = s.length;
    const end = next > start && s.charCodeAt(next - 1) === 13 ? next - 1 : next;
    if (end === start) {
      warn(lineNumber, 'empty line');
    } else {
      const parsed = parsePlayerLine(s, start, end, lineNumber);
      if (typeof parsed === 'string') {
        warn(lineNumber, parsed);
      } else if (seen.has(parsed.guid)) {
        warn(lineNumber, `second line for player ${parsed.guid} in this file`);
      } else {
        seen.add(parsed.guid);
        players.push(parsed);
      }
    }
    start = next + 1;
  }
  if (players.length === 0) {
    const why = warningCount === 0 ? 'no player lines' : `none of ${warningCount} player lines is valid (line ${warnings[0]!.line}: ${warnings[0]!.reason})`;
    return reject(`file has no valid player line: ${why}`);
  }
  return { ok: true, round: { file: { ...file, name: fileName }, header, players, warnings, warningCount } };
}
