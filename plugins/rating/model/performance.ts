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

/**
 * Objective and support play is a separate index, not a third term of x: it says something else
 * (on the real files it is negatively correlated with K/D and DPM between players, so averaging
 * them would cancel both), and the calibration learns its own weight. In each map:
 *
 *     o = ln((actions + 1) / (expected + 1)),  expected = lobby actions per minute x minutes played
 *
 * (actions: objectives stolen and returned, dynamites planted and defused, repairs and revives
 * where the era writes them). The counts depend mostly on the class a player picked that map, so
 * a player's mean says little: on the real files the map-to-map variance is 16 times the spread
 * between players, so the index is shrunk by OBJECTIVE_PRIOR_MAPS maps (empirical Bayes, as above):
 *
 *     objective index = sum(w o) / (sum(w) + OBJECTIVE_PRIOR_MAPS)
 *
 * In a map where nobody has any action (no objectives, or a data set without them), o is 0 for all.
 */
export const OBJECTIVE_PRIOR_MAPS = 16;

/** Running sums per player (stored with the ratings, so an incremental update continues them). */
export interface PerformanceSums {
  perfSum: number;
  perfWeight: number;
  /** Sum of weight x objective performance; its weights are perfWeight. */
  objectiveSum: number;
}

/** One player's performance in one map (see above); `lobbyDpm` is the whole lobby's damage per minute. */
export function mapPerformance(p: Pick<MapParticipant, 'kills' | 'deaths' | 'damageGiven' | 'tenths'>, lobbyDpm: number): number {
  const dpm = p.tenths > 0 ? (p.damageGiven * 10) / p.tenths : 0;
  return (Math.log((p.kills + 1) / (p.deaths + 1)) + Math.log((dpm + 1) / (lobbyDpm + 1))) / 2;
}

/** One player's objective performance in one map; `lobbyRate` is the lobby's actions per tenth of a minute played. */
export function mapObjectivePlay(p: Pick<MapParticipant, 'objectivePlay' | 'tenths'>, lobbyRate: number): number {
  return Math.log((p.objectivePlay + 1) / (lobbyRate * p.tenths + 1));
}

/** The shrunk index; 0 for a player never rated. */
export function performanceIndex(s: Pick<PerformanceSums, 'perfSum' | 'perfWeight'>): number {
  return s.perfSum / (s.perfWeight + PRIOR_MAPS);
}

/** The shrunk objective index; 0 for a player never rated. */
export function objectiveIndex(s: Pick<PerformanceSums, 'objectiveSum' | 'perfWeight'>): number {
  return s.objectiveSum / (s.perfWeight + OBJECTIVE_PRIOR_MAPS);
}

/** Team A's summed indexes (each weighted by the share of the map played) minus team B's. */
type Weighted = Pick<MapParticipant, 'guid' | 'weight'>;

export function performanceDifference(teams: { a: readonly Weighted[]; b: readonly Weighted[] }, indexOf: (guid: string) => number): number {
  const sum = (team: readonly Weighted[]) => team.reduce((s, p) => s + p.weight * indexOf(p.guid), 0);
  return sum(teams.a) - sum(teams.b);
}

/** The sums after one more map (performance x, objective performance o). */
export function addPerformance(s: PerformanceSums, weight: number, x: number, o: number): PerformanceSums {
  return { perfSum: s.perfSum + weight * x, perfWeight: s.perfWeight + weight, objectiveSum: s.objectiveSum + weight * o };
}
