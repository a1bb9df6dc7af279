import { formatDuration, formatPercent, formatRatio, type Totals } from 'etbot/plugin-api';

export interface ComparedRow {
  label: string;
  value(t: Totals): number | null;
  format(v: number | null): string;
  /** Which way is better; 'none' names no leader. */
  better: 'higher' | 'lower' | 'none';
}

const count = (v: number | null) => (v === null ? '-' : String(v));

export const COMPARED: readonly ComparedRow[] = [
  { label: 'Rounds played', value: (t) => t.rounds, format: count, better: 'none' },
  { label: 'Time played', value: (t) => t.timePlayedSeconds, format: (v) => (v === null ? '-' : formatDuration(v)), better: 'none' },
  { label: 'Kills', value: (t) => t.kills, format: count, better: 'higher' },
  { label: 'Deaths', value: (t) => t.deaths, format: count, better: 'lower' },
  { label: 'K/D', value: (t) => t.kd, format: formatRatio, better: 'higher' },
  { label: 'DPM', value: (t) => t.dpm, format: formatRatio, better: 'higher' },
  { label: 'Accuracy', value: (t) => t.accuracy, format: formatPercent, better: 'higher' },
  { label: 'Headshots', value: (t) => t.headshotPercent, format: formatPercent, better: 'higher' },
  { label: 'Efficiency', value: (t) => t.efficiency, format: formatPercent, better: 'higher' },
  { label: 'Gibs', value: (t) => t.gibs, format: count, better: 'higher' },
  { label: 'Revives given', value: (t) => t.revivesGiven, format: count, better: 'higher' },
  { label: 'Objectives', value: (t) => t.objectives, format: count, better: 'higher' },
  { label: 'XP', value: (t) => t.xp, format: count, better: 'higher' },
];

/** 1: the first leads, -1: the second, 0: a tie, unknown, or no leader for this row. */
export function leaderMark(better: ComparedRow['better'], a: number | null, b: number | null): 1 | -1 | 0 {
  if (better === 'none' || a === null || b === null || a === b) return 0;
  return a > b === (better === 'higher') ? 1 : -1;
}
