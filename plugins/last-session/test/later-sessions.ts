import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR } from 'etbot/testing';

/** Team A of fixture session 2 (the axis of erdenberg_t2 R1); slasher and Snake are never replaced. */
export const SESSION2_TEAM_A = ['12FDAAA7', '39137DDE', '434960FE', '66CED760', 'B3539E31', 'B5F6FD48', 'FC2A053D'];

export interface LaterSession {
  /** Days after fixture session 2. */
  days: number;
  /** GUID -> a newcomer's GUID (and name) in this copy. */
  replace: Record<string, string>;
}

/**
 * Copies of fixture session 2 (2025-11-09/10) played again `days` later, with some players swapped
 * for newcomers. The server name gets the day so no copy is a duplicate of another file.
 */
export function writeLaterSessions(sessions: readonly LaterSession[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'etbot-later-sessions-'));
  const files = readdirSync(FIXTURES_DIR).filter((f) => /^2025-11-(09|10)-.*\.txt$/.test(f));
  for (const s of sessions) {
    for (const file of files) {
      const day = Number(file.slice(8, 10)) + s.days;
      const name = `2025-11-${String(day).padStart(2, '0')}${file.slice(10)}`;
      const lines = readFileSync(join(FIXTURES_DIR, file), 'utf8').split('\n');
      lines[0] = lines[0]!.replace(/^([^\\]*)/, `$1 day ${day}`);
      for (let i = 1; i < lines.length; i++) {
        const guid = lines[i]!.slice(0, 8);
        const newcomer = s.replace[guid];
        if (newcomer) lines[i] = lines[i]!.replace(/^[^\\]*\\[^\\]*/, `${newcomer}\\newcomer ${newcomer.slice(0, 4)}`);
      }
      writeFileSync(join(dir, name), lines.join('\n'));
    }
  }
  return dir;
}
