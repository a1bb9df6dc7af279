import type { ExtendedFields } from './types';

/**
 * How each extended field behaves across the two rounds of a stopwatch map (spec §3, §4), for the
 * R2 - R1 derivation. Weapon numbers are cumulative too.
 */
export const CUMULATIVE_FIELDS = [
  'damageGiven',
  'damageReceived',
  'teamDamageGiven',
  'teamDamageReceived',
  'gibs',
  'selfKills',
  'teamKills',
  'teamGibs',
  'timePlayedMinutes',
] as const satisfies readonly (keyof ExtendedFields)[];

/** A ratio of cumulative values: recompute as (p2*t2 - p1*t1) / (t2 - t1) with t = time played. */
export const RATIO_OF_CUMULATIVE_FIELDS = ['alivePercent'] as const satisfies readonly (keyof ExtendedFields)[];

/** The spec says to ignore these (kept raw only). */
export const IGNORED_FIELDS = [
  'ignoredBulletsFired',
  'ignoredDpm',
  'ignoredTankMeatshield',
  'ignoredTimeDeadPercent',
  'ignoredKd',
] as const satisfies readonly (keyof ExtendedFields)[];

/** Reset by the Lua every round: an R2 value is already the R2 value. */
export const PER_ROUND_FIELDS = [
  'xp',
  'killingSpree',
  'deathSpree',
  'killAssists',
  'killSteals',
  'headshotKills',
  'objectivesStolen',
  'objectivesReturned',
  'dynamitesPlanted',
  'dynamitesDefused',
  'timesRevived',
  'timeDeadMinutes',
  'usefulKills',
  'deniedPlaytimeSeconds',
  'multikill2',
  'multikill3',
  'multikill4',
  'multikill5',
  'multikill6',
  'uselessKills',
  'fullSelfKills',
  'repairs',
  'revivesGiven',
] as const satisfies readonly (keyof ExtendedFields)[];
