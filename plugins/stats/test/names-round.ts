import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One hand-made round (supply R1, 2024-05-01 20:10, 38 extended fields) whose names exercise
 * LIKE escaping (`_`, `%`) and quotes: `_` must find a_b but not axb, `0%` 100% but not 10x0.
 * Every player used the MP40 only (weapon mask bit 4): hits, shots, kills, deaths, head hits.
 */
const PLAYERS = [
  { guid: 'AAAA0001', name: 'a_b', team: 2, h: 10, s: 40, k: 4, d: 2, hs: 3, dmg: 800, recv: 300 },
  { guid: 'AAAA0002', name: 'axb', team: 1, h: 8, s: 20, k: 2, d: 4, hs: 1, dmg: 500, recv: 600 },
  { guid: 'AAAA0003', name: '100%', team: 2, h: 5, s: 10, k: 1, d: 1, hs: 0, dmg: 200, recv: 100 },
  { guid: 'AAAA0004', name: '10x0', team: 1, h: 6, s: 30, k: 3, d: 3, hs: 2, dmg: 400, recv: 400 },
  { guid: 'AAAA0005', name: `Quote"d 'it'`, team: 1, h: 2, s: 4, k: 0, d: 2, hs: 0, dmg: 100, recv: 200 },
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

/** Writes the round file into a new temp folder and returns the folder. */
export function writeNamesRound(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-names-'));
  const header = `hand ^1server\\supply\\\\1\\1\\2\\10:00\\8:00\n`;
  fs.writeFileSync(path.join(dir, '2024-05-01-201000-supply-round-1.txt'), header + PLAYERS.map(line).join(''));
  return dir;
}
