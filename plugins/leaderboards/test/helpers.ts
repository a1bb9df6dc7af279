import type { Reply } from 'etbot/plugin-api';

/** The lines of the first embed's description. */
export function descriptionLines(reply: Reply): string[] {
  return (reply.embeds?.[0]?.description ?? '').split('\n');
}

/** a / b rounded half up to 2 decimals, in exact integer arithmetic (as the bot rounds). */
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
