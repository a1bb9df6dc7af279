import type { HandPlayer } from '../discord-e2e/round-file';

/** Names no query may trip over: SQL metacharacters, LIKE wildcards, markdown, mentions, RTL, emoji, zero-width. */
export const HOSTILE_NAMES = ["'; DROP TABLE players; --", '100%_sure', 'back`tick`**bold**', '@everyone', 'ﬁrst\u200Bzero', 'عربي\u202Eltr', '🔥fire🔥'];
export const HOSTILE_ARGUMENTS = [
  ...HOSTILE_NAMES,
  'x'.repeat(10_000),
  '<@123456789012345678> <@&123> @here',
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '```js\nprocess.exit()\n```',
  '\u0000\u0007',
];

export function hand(guid: string, name: string, kills: number): HandPlayer {
  return {
    guid,
    name,
    team: 1,
    hits: 10 + kills,
    shots: 40 + kills,
    kills,
    deaths: 3,
    headshots: 1,
    damageGiven: 500 + kills,
    damageReceived: 300,
    minutes: 12,
  };
}
