import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../support/fixture-bot';

/** One player of fixtures/truth.json (the generator's own numbers, spec §9 export format). */
export interface TruthPlayer {
  guid: string;
  name: string;
  rounds: number;
  timePlayedSeconds: number;
  kills: number;
  deaths: number;
  headshots: number;
  hits: number;
  shots: number;
  damageGiven: number;
  damageReceived: number;
  teamDamageGiven: number;
  teamDamageReceived: number;
  gibs: number;
  selfKills: number;
  teamKills: number;
  teamGibs: number;
  xp: number;
  timesRevived: number;
  revivesGiven: number | null;
  killAssists: number;
  dynamitesPlanted: number;
  kd: number;
  accuracy: number | null;
  dpm: number;
}

export interface TruthRound {
  file: string;
  map: string;
  round: number;
  endedAt: string;
  status: 'valid' | 'orphan';
  pairedWith: string | null;
  session: number;
  players: number;
  score: { r1Attackers: number; r2Attackers: number } | null;
}

export interface TruthSession {
  index: number;
  start: string;
  end: string;
  rounds: number;
  maps: number;
}

export interface Truth {
  players: TruthPlayer[];
  rounds: TruthRound[];
  sessions: TruthSession[];
}

export function loadTruth(): Truth {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'truth.json'), 'utf8')) as Truth;
}

export function truthPlayer(truth: Truth, guid: string): TruthPlayer {
  const p = truth.players.find((x) => x.guid === guid);
  if (!p) throw new Error(`truth.json has no player ${guid}`);
  return p;
}

/** Half-up to 2 decimals of a / b for integers, done in the test by hand (BigInt), not by the code under test. */
export function halfUp2(a: number, b: number): number {
  const n = BigInt(a) * 200n + BigInt(b);
  return Number(n / (2n * BigInt(b))) / 100;
}

/** `12h 35m` from seconds, as the bot shows time played. */
export function hoursMinutes(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : `${m}m`;
}
