import type { Totals } from './totals';

export type LeaderboardStatKey =
  | 'kills'
  | 'kd'
  | 'dpm'
  | 'accuracy'
  | 'headshots'
  | 'damage'
  | 'rounds'
  | 'time'
  | 'revives'
  | 'gibs'
  | 'objectives'
  | 'efficiency'
  | 'multikills'
  | 'usefulkills'
  | 'denied'
  | 'xp'
  | 'teamwork';

export interface LeaderboardStat {
  key: LeaderboardStatKey;
  /** "kills", "K/D", "DPM"... as a board's title shows it. */
  label: string;
  /** What the value is, for help texts. */
  description: string;
  /** The value to rank by; null leaves the player off the board (no data for it). */
  value(t: Totals): number | null;
  /** 'desc': highest first; 'asc': lowest first (teamwork: least team damage). */
  order: 'desc' | 'asc';
  /** A ratio: a minimum number of rounds keeps one lucky round off the top. */
  ratio: boolean;
  /** Default minimum rounds to be ranked (plugin options may override). */
  minRounds: number;
  kind: 'count' | 'ratio' | 'percent' | 'seconds';
  /** The stats-file field behind the value when only newer server scripts write it ("revives"): an empty board names it. */
  newerField?: string;
}

const count = (key: LeaderboardStatKey, label: string, description: string, value: (t: Totals) => number | null): LeaderboardStat => ({
  key,
  label,
  description,
  value,
  order: 'desc',
  ratio: false,
  minRounds: 1,
  kind: 'count',
});

/** Every board `!top` offers, in the order help lists them. */
export const LEADERBOARD_STATS: readonly LeaderboardStat[] = [
  count('kills', 'kills', 'Kills', (t) => t.kills),
  { key: 'kd', label: 'K/D', description: 'Kills per death', value: (t) => t.kd, order: 'desc', ratio: true, minRounds: 10, kind: 'ratio' },
  { key: 'dpm', label: 'DPM', description: 'Damage given per minute played', value: (t) => t.dpm, order: 'desc', ratio: true, minRounds: 10, kind: 'ratio' },
  { key: 'accuracy', label: 'accuracy', description: 'Hits per shot', value: (t) => t.accuracy, order: 'desc', ratio: true, minRounds: 10, kind: 'percent' },
  {
    key: 'headshots',
    label: 'headshot %',
    description: 'Head hits as a share of hits',
    value: (t) => t.headshotPercent,
    order: 'desc',
    ratio: true,
    minRounds: 10,
    kind: 'percent',
  },
  count('damage', 'damage given', 'Damage given', (t) => t.damageGiven),
  count('rounds', 'rounds played', 'Rounds played', (t) => t.rounds),
  { ...count('time', 'time played', 'Time played', (t) => t.timePlayedSeconds), kind: 'seconds' },
  { ...count('revives', 'revives given', 'Revives given (newer stats files only)', (t) => t.revivesGiven), newerField: 'revives' },
  count('gibs', 'gibs', 'Gibs', (t) => t.gibs),
  count('objectives', 'objectives', 'Objectives stolen and returned, dynamites planted and defused, repairs', (t) => t.objectives),
  {
    key: 'efficiency',
    label: 'efficiency',
    description: 'Kills / (kills + deaths)',
    value: (t) => t.efficiency,
    order: 'desc',
    ratio: true,
    minRounds: 10,
    kind: 'percent',
  },
  count('multikills', 'multikills', 'Multikills (2 to 6 kills in a row)', (t) => t.multikillTotal),
  count('usefulkills', 'useful kills', 'Useful kills', (t) => t.usefulKills),
  { ...count('denied', 'denied playtime', 'Enemy playtime denied', (t) => t.deniedPlaytimeSeconds), kind: 'seconds', newerField: 'denied playtime' },
  count('xp', 'XP', 'Experience points', (t) => t.xp),
  {
    key: 'teamwork',
    label: 'teamwork',
    description: 'Least team damage given per minute played',
    value: (t) => t.teamDamagePerMinute,
    order: 'asc',
    ratio: true,
    minRounds: 10,
    kind: 'ratio',
  },
];

const BY_KEY = new Map<string, LeaderboardStat>(LEADERBOARD_STATS.map((s) => [s.key, s]));
/** Other words people type for a board. */
const ALIASES: Record<string, LeaderboardStatKey> = {
  'k/d': 'kd',
  kdr: 'kd',
  acc: 'accuracy',
  hs: 'headshots',
  headshot: 'headshots',
  'headshot%': 'headshots',
  dmg: 'damage',
  playtime: 'time',
  timeplayed: 'time',
  revive: 'revives',
  obj: 'objectives',
  eff: 'efficiency',
  multikill: 'multikills',
  useful: 'usefulkills',
  useful_kills: 'usefulkills',
  deniedplaytime: 'denied',
};

export function findLeaderboardStat(text: string): LeaderboardStat | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '');
  return BY_KEY.get(t) ?? BY_KEY.get(ALIASES[t] ?? '');
}
