import { num } from '../data/sql';
import { kdRatio, perMinute } from './ratios';
import type { MapTotals } from './types';

/** A player's sums over their counted rounds on one map: what `MapTotals` is worked out from. */
export interface MapSums {
  map: string;
  rounds: number;
  kills: number;
  deaths: number;
  damageGiven: number;
  seconds: number;
  roundsAttacking: number;
  roundsDefending: number;
  wonAttacking: number;
  wonDefending: number;
}

// The player's side attacks when it is the other side than the round's defender (spec §6).
const ATTACKING = '(pr.team IN (1, 2) AND pr.team <> r.defender_team)';
const DEFENDING = '(pr.team IN (1, 2) AND pr.team = r.defender_team)';

/** Rounds attacked, defended and won on each side, over player_rounds `pr` joined to rounds `r`. */
export function sidesSelect(): string {
  return `SUM(CASE WHEN ${ATTACKING} THEN 1 ELSE 0 END) AS rounds_attacking,
          SUM(CASE WHEN ${DEFENDING} THEN 1 ELSE 0 END) AS rounds_defending,
          SUM(CASE WHEN ${ATTACKING} AND r.attackers_succeeded = TRUE THEN 1 ELSE 0 END) AS won_attacking,
          SUM(CASE WHEN ${DEFENDING} AND r.attackers_succeeded = FALSE THEN 1 ELSE 0 END) AS won_defending`;
}

/** Every column `toMapSums` reads (grouped by map), over player_rounds `pr` joined to rounds `r`. */
export function mapSumsSelect(): string {
  return `COUNT(*) AS rounds, SUM(pr.kills) AS kills, SUM(pr.deaths) AS deaths, SUM(pr.damage_given) AS damage_given,
          SUM(pr.time_played_seconds) AS seconds, ${sidesSelect()}`;
}

/** One aggregate row (strings on PostgreSQL, numbers on SQLite) with a `map` column. */
export function toMapSums(row: Record<string, unknown>): MapSums {
  return {
    map: String(row.map),
    rounds: num(row.rounds),
    kills: num(row.kills),
    deaths: num(row.deaths),
    damageGiven: num(row.damage_given),
    seconds: num(row.seconds),
    roundsAttacking: num(row.rounds_attacking),
    roundsDefending: num(row.rounds_defending),
    wonAttacking: num(row.won_attacking),
    wonDefending: num(row.won_defending),
  };
}

export function toMapTotals(s: MapSums): MapTotals {
  const kills = Math.round(s.kills);
  const deaths = Math.round(s.deaths);
  const damageGiven = Math.round(s.damageGiven);
  const seconds = Math.round(s.seconds);
  return {
    map: s.map,
    rounds: s.rounds,
    roundsAttacking: s.roundsAttacking,
    roundsDefending: s.roundsDefending,
    roundsWonAttacking: s.wonAttacking,
    roundsWonDefending: s.wonDefending,
    kills,
    deaths,
    kd: kdRatio(kills, deaths),
    damageGiven,
    timePlayedSeconds: seconds,
    dpm: perMinute(damageGiven, seconds),
  };
}

/** Most rounds first, then by map name (bytewise). */
export function byRoundsThenMap(a: { map: string; rounds: number }, b: { map: string; rounds: number }): number {
  return b.rounds - a.rounds || (a.map < b.map ? -1 : a.map > b.map ? 1 : 0);
}
