import { formatDuration, formatPercent, formatRatio, type LeaderboardEntry, type LeaderboardStat } from 'etbot/plugin-api';

/** A board value as shown: `450 kills`, `1.87 K/D`, `28.53%`, `12h 35m`. */
export function formatValue(stat: LeaderboardStat, value: number): string {
  switch (stat.kind) {
    case 'count':
      return `${value} ${stat.label}`;
    case 'ratio':
      return stat.key === 'teamwork' ? `${formatRatio(value)} team damage/min` : `${formatRatio(value)} ${stat.label}`;
    case 'percent':
      return `${formatPercent(value)} ${stat.key === 'headshots' ? 'headshots' : stat.label}`;
    case 'seconds':
      return formatDuration(value);
  }
}

/** `1. seareal - 450 kills`; ratio boards add the rounds behind the value. */
export function entryLine(e: LeaderboardEntry, stat: LeaderboardStat, esc: (s: string) => string): string {
  const extra = stat.ratio ? ` (${e.totals.rounds} rounds)` : '';
  return `${e.rank}. ${esc(e.player.name)} - ${formatValue(stat, e.value)}${extra}`;
}
