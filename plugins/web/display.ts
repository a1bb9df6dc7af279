import { formatDuration, formatLocalTime, formatPercent, formatRatio, type LeaderboardStat, type Totals } from 'etbot/plugin-api';

/** A board value as `!top` shows it: `450 kills`, `1.87 K/D`, `28.53% headshots`, `12h 35m`. */
export function boardValue(stat: LeaderboardStat, value: number): string {
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

/** A player's totals as `!stats` words them, field by field. */
export function totalsFields(t: Totals, firstSeen: string | null, lastSeen: string | null): { name: string; value: string }[] {
  return [
    { name: 'Rounds played', value: String(t.rounds) },
    { name: 'Time played', value: formatDuration(t.timePlayedSeconds) },
    { name: 'K/D', value: `${formatRatio(t.kd)} (${t.kills} kills, ${t.deaths} deaths)` },
    { name: 'DPM', value: formatRatio(t.dpm) },
    { name: 'Accuracy', value: `${formatPercent(t.accuracy)} (${t.hits} hits, ${t.shots} shots)` },
    { name: 'Headshots', value: `${formatPercent(t.headshotPercent)} of hits (${t.headshots} head hits)` },
    { name: 'Damage', value: `${t.damageGiven} given, ${t.damageReceived} received` },
    { name: 'Gibs', value: String(t.gibs) },
    { name: 'Revives', value: `${t.revivesGiven === null ? '-' : t.revivesGiven} given, ${t.timesRevived} received` },
    { name: 'XP', value: String(t.xp) },
    { name: 'First seen', value: formatLocalTime(firstSeen) },
    { name: 'Last seen', value: formatLocalTime(lastSeen) },
  ];
}

export function scoreText(score: { A: number; B: number } | null): string {
  return score === null ? 'score unknown' : `team A ${score.A} - ${score.B} team B`;
}
