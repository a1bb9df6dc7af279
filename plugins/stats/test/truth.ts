import type { Reply } from 'etbot/plugin-api';
import type { Truth, TruthPlayer } from 'etbot/testing';

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

/** `name: value` of each field of the first embed. */
export function fields(reply: Reply): Record<string, string> {
  return Object.fromEntries((reply.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
}
