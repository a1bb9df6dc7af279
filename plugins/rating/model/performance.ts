import type { MapParticipant } from './map-teams';

/**
 * How well a player plays, from what the files say beyond who won: in each rated map, their K/D
 * and their damage per minute against the lobby's, as logs so that +0.1 means about 10% better
 * than the lobby and 0 means as good as the lobby:
 *
 *     x = ( ln((kills + 1) / (deaths + 1)) + ln((dpm + 1) / (lobby dpm + 1)) ) / 2
 *
 * K/D is relative to the lobby by itself (one player's kills are another's deaths); DPM is not
 * (maps and eras differ), hence the lobby's DPM. The two count equally: neither is known to be
 * the better sign of skill. A player's index is the mean of their x, weighted by the share of each
 * map played, shrunk towards 0 (an average player) by PRIOR_MAPS maps:
 *
 *     index = sum(w x) / (sum(w) + PRIOR_MAPS)
 */
export const PRIOR_MAPS = 2;

/** Running sums per player (stored with the ratings, so an incremental update continues them). */
export interface PerformanceSums {
  perfSum: number;
  perfWeight: number;
}

/** One player's performance in one map (see above); `lobbyDpm` is the whole lobby's damage per minute. */
export function mapPerformance(p: Pick<MapParticipant, 'kills' | 'deaths' | 'damageGiven' | 'tenths'>, lobbyDpm: number): number {
  const dpm = p.tenths > 0 ? (p.damageGiven * 10) / p.tenths : 0;
  return (Math.log((p.kills + 1) / (p.deaths + 1)) + Math.log((dpm + 1) / (lobbyDpm + 1))) / 2;
}

/** The shrunk index; 0 for a player never rated. */
export function performanceIndex(s: PerformanceSums): number {
  return s.perfSum / (s.perfWeight + PRIOR_MAPS);
}

/** Team A's summed indexes (each weighted by the share of the map played) minus team B's. */
type Weighted = Pick<MapParticipant, 'guid' | 'weight'>;

export function performanceDifference(teams: { a: readonly Weighted[]; b: readonly Weighted[] }, indexOf: (guid: string) => number): number {
  const sum = (team: readonly Weighted[]) => team.reduce((s, p) => s + p.weight * indexOf(p.guid), 0);
  return sum(teams.a) - sum(teams.b);
}

/** The sums after one more map. */
export function addPerformance(s: PerformanceSums, weight: number, x: number): PerformanceSums {
  return { perfSum: s.perfSum + weight * x, perfWeight: s.perfWeight + weight };
}
