import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A tiny hand-made data set whose every number is worked out by hand in the comments of the tests
 * that use it. Names exercise LIKE escaping (`_`, `%`), quotes and apostrophes. One weapon (MP40,
 * mask bit 4) carries hits, shots, kills, deaths and head hits; 38 extended fields (era 2025-10+).
 *
 * 2024-05-01 supply R1 20:10:00 and R2 20:25:00 (defender axis=1; R1 winner allies: attackers
 * succeeded; R2 winner axis: the defenders held) - session 1.
 * 2024-05-03 radar R1 21:00:00 only (defender axis; winner axis: held) - session 2.
 */
export interface HandRound {
  h: number;
  s: number;
  k: number;
  d: number;
  hs: number;
  dmg: number;
  recv: number;
  /** Minutes played, one decimal. */
  min: number;
  team: 1 | 2;
}

export interface HandPlayer {
  guid: string;
  name: string;
  supplyR1: HandRound;
  supplyR2: HandRound;
  radarR1?: HandRound;
}

export const HAND_PLAYERS: readonly HandPlayer[] = [
  {
    guid: 'AAAA0001',
    name: 'a_b',
    supplyR1: { h: 10, s: 40, k: 4, d: 2, hs: 3, dmg: 800, recv: 300, min: 10, team: 2 },
    supplyR2: { h: 6, s: 20, k: 2, d: 1, hs: 1, dmg: 400, recv: 150, min: 8, team: 1 },
    radarR1: { h: 20, s: 50, k: 5, d: 1, hs: 4, dmg: 1000, recv: 100, min: 12, team: 2 },
  },
  {
    guid: 'AAAA0002',
    name: 'axb',
    supplyR1: { h: 8, s: 20, k: 2, d: 4, hs: 1, dmg: 500, recv: 600, min: 10, team: 1 },
    supplyR2: { h: 4, s: 16, k: 1, d: 3, hs: 0, dmg: 300, recv: 500, min: 8, team: 2 },
    radarR1: { h: 1, s: 10, k: 1, d: 5, hs: 0, dmg: 100, recv: 900, min: 12, team: 1 },
  },
  {
    guid: 'AAAA0003',
    name: '100%',
    supplyR1: { h: 5, s: 10, k: 1, d: 1, hs: 0, dmg: 200, recv: 100, min: 5, team: 2 },
    supplyR2: { h: 3, s: 9, k: 2, d: 0, hs: 1, dmg: 300, recv: 50, min: 8, team: 1 },
  },
  {
    guid: 'AAAA0004',
    name: '10x0',
    supplyR1: { h: 6, s: 30, k: 3, d: 3, hs: 2, dmg: 400, recv: 400, min: 10, team: 1 },
    supplyR2: { h: 7, s: 21, k: 3, d: 2, hs: 2, dmg: 350, recv: 300, min: 8, team: 2 },
  },
  {
    guid: 'AAAA0005',
    name: `Quote"d 'it'`,
    supplyR1: { h: 2, s: 4, k: 0, d: 2, hs: 0, dmg: 100, recv: 200, min: 10, team: 1 },
    supplyR2: { h: 1, s: 5, k: 1, d: 1, hs: 1, dmg: 50, recv: 100, min: 8, team: 2 },
  },
];

function line(guid: string, name: string, team: number, v: Omit<HandRound, 'team'>): string {
  const fields: string[] = new Array(38).fill('0');
  fields[0] = String(v.dmg);
  fields[1] = String(v.recv);
  fields[8] = '100.0';
  for (const i of [21, 23, 24, 25, 26]) fields[i] = '0.0';
  fields[22] = v.min.toFixed(1);
  return `${guid}\\${name}\\0\\${team}\\16 ${v.h} ${v.s} ${v.k} ${v.d} ${v.hs} \t${fields.join('\t')}\n`;
}

/** R2 files hold R1 + R2 for cumulative values (spec §4). */
function cumulative(a: HandRound, b: HandRound): Omit<HandRound, 'team'> {
  return { h: a.h + b.h, s: a.s + b.s, k: a.k + b.k, d: a.d + b.d, hs: a.hs + b.hs, dmg: a.dmg + b.dmg, recv: a.recv + b.recv, min: a.min + b.min };
}

/** Writes the three files into a new temp folder and returns it. */
export function writeHandFiles(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-hand-'));
  const header = (map: string, round: number, winner: number) => `hand ^1server\\${map}\\\\${round}\\1\\${winner}\\10:00\\8:00\n`;
  fs.writeFileSync(
    path.join(dir, '2024-05-01-201000-supply-round-1.txt'),
    header('supply', 1, 2) + HAND_PLAYERS.map((p) => line(p.guid, p.name, p.supplyR1.team, p.supplyR1)).join(''),
  );
  fs.writeFileSync(
    path.join(dir, '2024-05-01-202500-supply-round-2.txt'),
    header('supply', 2, 1) + HAND_PLAYERS.map((p) => line(p.guid, p.name, p.supplyR2.team, cumulative(p.supplyR1, p.supplyR2))).join(''),
  );
  fs.writeFileSync(
    path.join(dir, '2024-05-03-210000-radar-round-1.txt'),
    header('radar', 1, 1) +
      HAND_PLAYERS.filter((p) => p.radarR1)
        .map((p) => line(p.guid, p.name, p.radarR1!.team, p.radarR1!))
        .join(''),
  );
  return dir;
}
