import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../support/fixture-bot';

export type { Truth, TruthPlayer, TruthRound, TruthSession } from '../../core/parsing/generator/truth';
import type { Truth, TruthPlayer } from '../../core/parsing/generator/truth';

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
