import { num } from '../data/sql';
import { kdRatio, percent, perMinute } from './ratios';

/** Every §5 number over a set of a player's rounds: sums, and ratios from the sums. */
export interface Totals {
  /** Rounds with time played (spec §9 Counting). */
  rounds: number;
  timePlayedSeconds: number;
  kills: number;
  deaths: number;
  kd: number;
  /** kills / (kills + deaths) as a percentage; null with neither. */
  efficiency: number | null;
  hits: number;
  shots: number;
  accuracy: number | null;
  /** Head hits. */
  headshots: number;
  /** Head hits as a percentage of hits. */
  headshotPercent: number | null;
  headshotKills: number;
  damageGiven: number;
  damageReceived: number;
  dpm: number | null;
  teamDamageGiven: number;
  teamDamageReceived: number;
  /** Team damage given per minute played (the teamwork board, lower is better). */
  teamDamagePerMinute: number | null;
  gibs: number;
  selfKills: number;
  teamKills: number;
  teamGibs: number;
  xp: number;
  killAssists: number;
  killSteals: number;
  timesRevived: number;
  /** Null when none of the rounds' eras has the field (spec §9). */
  revivesGiven: number | null;
  objectivesStolen: number;
  objectivesReturned: number;
  dynamitesPlanted: number;
  dynamitesDefused: number;
  repairs: number | null;
  /** Stolen + returned + dynamites planted and defused + repairs. */
  objectives: number;
  usefulKills: number;
  uselessKills: number | null;
  deniedPlaytimeSeconds: number | null;
  fullSelfKills: number | null;
  /** Multikills of 2, 3, 4, 5 and 6 kills. */
  multikills: [number, number, number, number, number];
  multikillTotal: number;
  timeDeadMinutes: number;
}

/** [result alias, player_rounds column, nullable]. */
const SUMS: readonly [string, string, boolean][] = [
  ['seconds', 'time_played_seconds', false],
  ['kills', 'kills', false],
  ['deaths', 'deaths', false],
  ['hits', 'hits', false],
  ['shots', 'shots', false],
  ['headshots', 'headshots', false],
  ['headshot_kills', 'headshot_kills', false],
  ['damage_given', 'damage_given', false],
  ['damage_received', 'damage_received', false],
  ['team_damage_given', 'team_damage_given', false],
  ['team_damage_received', 'team_damage_received', false],
  ['gibs', 'gibs', false],
  ['self_kills', 'self_kills', false],
  ['team_kills', 'team_kills', false],
  ['team_gibs', 'team_gibs', false],
  ['xp', 'xp', false],
  ['kill_assists', 'kill_assists', false],
  ['kill_steals', 'kill_steals', false],
  ['times_revived', 'times_revived', false],
  ['revives_given', 'revives_given', true],
  ['objectives_stolen', 'objectives_stolen', false],
  ['objectives_returned', 'objectives_returned', false],
  ['dynamites_planted', 'dynamites_planted', false],
  ['dynamites_defused', 'dynamites_defused', false],
  ['repairs', 'repairs', true],
  ['useful_kills', 'useful_kills', false],
  ['useless_kills', 'useless_kills', true],
  ['denied_playtime_seconds', 'denied_playtime_seconds', true],
  ['full_self_kills', 'full_self_kills', true],
  ['multikill2', 'multikill2', false],
  ['multikill3', 'multikill3', false],
  ['multikill4', 'multikill4', false],
  ['multikill5', 'multikill5', false],
  ['multikill6', 'multikill6', false],
  ['time_dead_minutes', 'time_dead_minutes', false],
];

/** `COUNT(*) AS rounds, SUM(pr.kills) AS kills, ...` over player_rounds aliased `pr`. */
export function totalsSelect(alias = 'pr'): string {
  return ['COUNT(*) AS rounds', ...SUMS.map(([as, column]) => `SUM(${alias}.${column}) AS ${as}`)].join(', ');
}

/** Sums of real columns hold whole numbers; this drops float noise. */
function whole(value: unknown): number {
  return Math.round(num(value));
}

function wholeOrNull(value: unknown): number | null {
  const v = num(value, true);
  return v === null ? null : Math.round(v);
}

/** Turns one aggregate row (strings on PostgreSQL, numbers on SQLite) into Totals. */
export function toTotals(row: Record<string, unknown>): Totals {
  const n = (key: string) => whole(row[key]);
  const kills = n('kills');
  const deaths = n('deaths');
  const hits = n('hits');
  const shots = n('shots');
  const headshots = n('headshots');
  const seconds = n('seconds');
  const damageGiven = n('damage_given');
  const teamDamageGiven = n('team_damage_given');
  const repairs = wholeOrNull(row.repairs);
  const multikills: Totals['multikills'] = [n('multikill2'), n('multikill3'), n('multikill4'), n('multikill5'), n('multikill6')];
  const objectivesStolen = n('objectives_stolen');
  const objectivesReturned = n('objectives_returned');
  const dynamitesPlanted = n('dynamites_planted');
  const dynamitesDefused = n('dynamites_defused');
  return {
    rounds: n('rounds'),
    timePlayedSeconds: seconds,
    kills,
    deaths,
    kd: kdRatio(kills, deaths),
    efficiency: percent(kills, kills + deaths),
    hits,
    shots,
    accuracy: percent(hits, shots),
    headshots,
    headshotPercent: percent(headshots, hits),
    headshotKills: n('headshot_kills'),
    damageGiven,
    damageReceived: n('damage_received'),
    dpm: perMinute(damageGiven, seconds),
    teamDamageGiven,
    teamDamageReceived: n('team_damage_received'),
    teamDamagePerMinute: perMinute(teamDamageGiven, seconds),
    gibs: n('gibs'),
    selfKills: n('self_kills'),
    teamKills: n('team_kills'),
    teamGibs: n('team_gibs'),
    xp: n('xp'),
    killAssists: n('kill_assists'),
    killSteals: n('kill_steals'),
    timesRevived: n('times_revived'),
    revivesGiven: wholeOrNull(row.revives_given),
    objectivesStolen,
    objectivesReturned,
    dynamitesPlanted,
    dynamitesDefused,
    repairs,
    objectives: objectivesStolen + objectivesReturned + dynamitesPlanted + dynamitesDefused + (repairs ?? 0),
    usefulKills: n('useful_kills'),
    uselessKills: wholeOrNull(row.useless_kills),
    deniedPlaytimeSeconds: wholeOrNull(row.denied_playtime_seconds),
    fullSelfKills: wholeOrNull(row.full_self_kills),
    multikills,
    multikillTotal: multikills.reduce((a, b) => a + b, 0),
    timeDeadMinutes: Math.round(num(row.time_dead_minutes) * 10) / 10,
  };
}
