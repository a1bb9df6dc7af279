import type { Chance } from './model/calibration';
import { MIN_CALIBRATION_MAPS, MIN_PLAYER_MAPS, type ForecastPlayer, type SplitForecast } from './model/split-forecast';

/** "Team 1 wins 58% (likely 45-70%), Team 2 wins 42%": the interval is the central 90%. */
export function chanceLine(c: Chance): string {
  const pct = (x: number) => Math.round(x * 100);
  return `Team 1 wins ${pct(c.chance)}% (likely ${pct(c.low)}-${pct(c.high)}%), Team 2 wins ${100 - pct(c.chance)}%`;
}

/** Why the chance is less sure than it looks, or null when the history is enough. */
export function uncertaintyNote(f: Pick<SplitForecast<ForecastPlayer>, 'calibrationMaps' | 'newPlayers' | 'team1' | 'team2'>): string | null {
  if (f.calibrationMaps < MIN_CALIBRATION_MAPS) return `few maps rated yet (${f.calibrationMaps} in all)`;
  const players = f.team1.length + f.team2.length;
  if (f.newPlayers > 0) return `few maps rated yet for ${f.newPlayers} of ${players} players (under ${MIN_PLAYER_MAPS})`;
  return null;
}

/** What the split was made by, as the footer says it. */
export function basisNote(f: Pick<SplitForecast<ForecastPlayer>, 'basis' | 'calibrationMaps'>): string {
  if (f.basis === 'rating') return 'balanced by rating and performance: every split tried, the closest to 50% wins';
  return (
    `balanced by performance (K/D and damage per minute against the lobby): too little rated history for the rating ` +
    `(${f.calibrationMaps} maps rated, ${MIN_CALIBRATION_MAPS} needed, or under half the players with ${MIN_PLAYER_MAPS})`
  );
}
