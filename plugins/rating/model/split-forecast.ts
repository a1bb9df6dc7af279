import { fairestSplit, type BalancePlayer } from './balance';
import { chanceEitherSide, type Calibration, type Chance } from './calibration';
import { objectiveIndex, performanceIndex, type PerformanceSums } from './performance';
import { winProbability, type RatingParams } from './weng-lin';

/**
 * Below these the rating knows too little to balance by: the calibration has seen fewer than
 * MIN_CALIBRATION_MAPS maps, or fewer than half the players have MIN_PLAYER_MAPS rated maps.
 */
export const MIN_CALIBRATION_MAPS = 30;
export const MIN_PLAYER_MAPS = 5;

export interface ForecastPlayer extends BalancePlayer, PerformanceSums {
  /** Rated maps. */
  maps: number;
}

export type BalanceBasis = 'rating' | 'performance';

export interface SplitForecast<P extends ForecastPlayer> {
  team1: P[];
  team2: P[];
  /** Team 1's calibrated chance of winning a map, either side attacking first. */
  chance: Chance;
  basis: BalanceBasis;
  /** Maps the calibration has seen. */
  calibrationMaps: number;
  /** Players with fewer than MIN_PLAYER_MAPS rated maps. */
  newPlayers: number;
}

/** What `!balance` balances by: the rating once it knows enough, else the performance index alone. */
export function balanceBasis(calibration: Calibration, players: readonly ForecastPlayer[]): BalanceBasis {
  const experienced = players.filter((p) => p.maps >= MIN_PLAYER_MAPS).length;
  return calibration.maps >= MIN_CALIBRATION_MAPS && 2 * experienced >= players.length ? 'rating' : 'performance';
}

/** Team 1's chance against team 2 (everyone plays the whole map; the side is unknown). */
export function splitChance(calibration: Calibration, team1: readonly ForecastPlayer[], team2: readonly ForecastPlayer[], params: RatingParams): Chance {
  const skills = (team: readonly ForecastPlayer[]) => team.map((p) => ({ mu: p.mu, sigma: p.sigma, weight: 1 }));
  const p = winProbability(skills(team1), skills(team2), params);
  return chanceEitherSide(calibration, Math.log(p / (1 - p)), performanceSum(team1) - performanceSum(team2), objectiveSum(team1) - objectiveSum(team2));
}

/**
 * The fairest split: by the calibrated chance (closest to 50%) when balancing by rating, by the
 * summed performance indexes (closest to equal) otherwise.
 */
export function forecastSplit<P extends ForecastPlayer>(players: readonly P[], calibration: Calibration, params: RatingParams): SplitForecast<P> {
  const basis = balanceBasis(calibration, players);
  const { team1, team2 } = fairestSplit(players, (t1, t2) =>
    basis === 'rating' ? Math.abs(splitChance(calibration, t1, t2, params).chance - 0.5) : Math.abs(performanceSum(t1) - performanceSum(t2)),
  );
  return {
    team1,
    team2,
    chance: splitChance(calibration, team1, team2, params),
    basis,
    calibrationMaps: calibration.maps,
    newPlayers: players.filter((p) => p.maps < MIN_PLAYER_MAPS).length,
  };
}

function performanceSum(team: readonly PerformanceSums[]): number {
  return team.reduce((s, p) => s + performanceIndex(p), 0);
}

function objectiveSum(team: readonly PerformanceSums[]): number {
  return team.reduce((s, p) => s + objectiveIndex(p), 0);
}
