import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Names that would run script if a page or chart put them into HTML unescaped. */
export const HOSTILE_NAMES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'] as const;

const PLAYERS = [
  { guid: 'BADB0001', name: HOSTILE_NAMES[0], team: 1, h: 30, s: 60, k: 140, d: 1, hs: 5, dmg: 9000, recv: 100 },
  { guid: 'BADB0002', name: HOSTILE_NAMES[1], team: 2, h: 20, s: 50, k: 135, d: 2, hs: 4, dmg: 8000, recv: 200 },
] as const;

function line(p: (typeof PLAYERS)[number]): string {
  const extended: string[] = new Array(38).fill('0');
  extended[0] = String(p.dmg);
  extended[1] = String(p.recv);
  extended[8] = '100.0';
  for (const i of [21, 23, 24, 25, 26]) extended[i] = '0.0';
  extended[22] = '10.0'; // minutes played
  return `${p.guid}\\${p.name}\\0\\${p.team}\\16 ${p.h} ${p.s} ${p.k} ${p.d} ${p.hs} \t${extended.join('\t')}\n`;
}

/**
 * One round (supply R1, 2025-11-30 21:00, after the fixtures) of two players with hostile names
 * and MP40 kills enough to top `!top kills`: 140 and 135. Returns the file's path.
 */
export function writeHostileRound(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-hostile-'));
  const file = path.join(dir, '2025-11-30-210000-supply-round-1.txt');
  fs.writeFileSync(file, `hand ^1server\\supply\\\\1\\1\\2\\10:00\\8:00\n${PLAYERS.map(line).join('')}`);
  return file;
}
