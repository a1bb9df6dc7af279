import type { Counters } from './counters';
import { weaponTotals } from './counters';

import type { ExportPlayer, ExportRound, ExportSession } from '../../export/types';

/** The generator's truth is in the export format of spec §9: what `etbot export` must print. */
export type TruthPlayer = ExportPlayer;
export type TruthRound = ExportRound;
export type TruthSession = ExportSession;

export interface Truth {
  players: TruthPlayer[];
  rounds: TruthRound[];
  sessions: TruthSession[];
}

/** One written line as the bot must store it (after the §4 derivation), from the simulation. */
export interface SimRow {
  identity: string;
  cleanName: string;
  /** Time played in this round, tenths of a minute (may be 0: not counted). */
  tenths: number;
  /** What the player did in this round (per-round values). */
  counters: Counters;
  hasRevivesField: boolean;
}

/** One accepted round file, with the simulation's own view of it. */
export interface SimRound {
  file: string;
  map: string;
  round: 1 | 2;
  endedAt: string;
  instantMs: number;
  orphan: boolean;
  pairedWith: string | null;
  session: number;
  rows: SimRow[];
  /** Orphans: lines whose written time is above 0. */
  orphanPlayers: number;
  score: { r1Attackers: number; r2Attackers: number } | null;
}

/** (num / den) rounded half up to 2 decimals, exactly (num, den non-negative integers, den > 0). */
export function ratio2(num: number, den: number): number {
  const n = BigInt(num);
  const d = BigInt(den);
  const hundredths = (200n * n + d) / (2n * d);
  return Number(hundredths) / 100;
}

export function buildTruth(rounds: SimRound[], sessionsCount: number): Truth {
  const ordered = [...rounds].sort((a, b) => a.instantMs - b.instantMs || (a.file < b.file ? -1 : 1));
  interface Acc extends Omit<TruthPlayer, 'kd' | 'accuracy' | 'dpm'> {
    anyRevivesField: boolean;
    revivesSum: number;
  }
  const acc = new Map<string, Acc>();
  const names = new Map<string, string>();
  for (const r of ordered) {
    if (r.orphan) continue;
    for (const row of r.rows) {
      names.set(row.identity, row.cleanName); // latest non-orphan line, counted or not
      if (row.tenths <= 0) continue;
      let a = acc.get(row.identity);
      if (!a) {
        a = {
          guid: row.identity,
          name: '',
          rounds: 0,
          timePlayedSeconds: 0,
          kills: 0,
          deaths: 0,
          headshots: 0,
          hits: 0,
          shots: 0,
          damageGiven: 0,
          damageReceived: 0,
          teamDamageGiven: 0,
          teamDamageReceived: 0,
          gibs: 0,
          selfKills: 0,
          teamKills: 0,
          teamGibs: 0,
          xp: 0,
          timesRevived: 0,
          revivesGiven: null,
          killAssists: 0,
          dynamitesPlanted: 0,
          anyRevivesField: false,
          revivesSum: 0,
        };
        acc.set(row.identity, a);
      }
      const c = row.counters;
      const w = weaponTotals(c);
      a.rounds++;
      a.timePlayedSeconds += row.tenths * 6; // tenths of a minute x 6 = whole seconds
      a.kills += w.kills;
      a.deaths += w.deaths;
      a.headshots += w.headshots;
      a.hits += w.hits;
      a.shots += w.shots;
      a.damageGiven += c.damageGiven;
      a.damageReceived += c.damageReceived;
      a.teamDamageGiven += c.teamDamageGiven;
      a.teamDamageReceived += c.teamDamageReceived;
      a.gibs += c.gibs;
      a.selfKills += c.selfKills;
      a.teamKills += c.teamKills;
      a.teamGibs += c.teamGibs;
      a.xp += c.xp;
      a.timesRevived += c.timesRevived;
      a.killAssists += c.killAssists;
      a.dynamitesPlanted += c.dynamitesPlanted;
      if (row.hasRevivesField) {
        a.anyRevivesField = true;
        a.revivesSum += c.revivesGiven;
      }
    }
  }
  const players: TruthPlayer[] = [...acc.values()]
    .sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0))
    .map(({ anyRevivesField, revivesSum, ...a }) => ({
      ...a,
      name: names.get(a.guid)!,
      revivesGiven: anyRevivesField ? revivesSum : null,
      kd: a.deaths === 0 ? a.kills : ratio2(a.kills, a.deaths),
      accuracy: a.shots === 0 ? null : ratio2(100 * a.hits, a.shots),
      dpm: ratio2(60 * a.damageGiven, a.timePlayedSeconds),
    }));

  const truthRounds: TruthRound[] = ordered.map((r) => ({
    file: r.file,
    map: r.map,
    round: r.round,
    endedAt: r.endedAt,
    status: r.orphan ? 'orphan' : 'valid',
    pairedWith: r.pairedWith,
    session: r.session,
    players: r.orphan ? r.orphanPlayers : r.rows.filter((row) => row.tenths > 0).length,
    score: r.score,
  }));

  const sessions: TruthSession[] = [];
  for (let s = 1; s <= sessionsCount; s++) {
    const inSession = truthRounds.filter((r) => r.session === s);
    if (inSession.length === 0) continue;
    sessions.push({
      index: s,
      start: inSession[0]!.endedAt,
      end: inSession[inSession.length - 1]!.endedAt,
      rounds: inSession.length,
      maps: inSession.filter((r) => r.round === 2 && r.pairedWith !== null).length,
    });
  }
  return { players, rounds: truthRounds, sessions };
}
