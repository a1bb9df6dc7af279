import type { PlayerSummary, RadarPlayerStats } from 'etbot/plugin-api';

/** One player's point on the radar chart: ratios as they are, counts per round. */
export function radarStats(s: PlayerSummary): RadarPlayerStats {
  const t = s.totals;
  const perRound = (n: number) => (t.rounds === 0 ? 0 : n / t.rounds);
  return {
    name: s.player.name,
    killDeathRatio: t.kd,
    dpm: t.dpm ?? 0,
    accuracy: t.accuracy,
    headshotPercent: t.headshotPercent,
    revivesPerRound: perRound(t.revivesGiven ?? 0),
    objectivesPerRound: perRound(t.objectives),
  };
}
