import { Colors, formatDuration, formatLocalTime, formatPercent, formatRatio, type Embed, type PlayerProfile } from 'etbot/plugin-api';

export interface BotMark {
  isBot: boolean;
  /** Left out of rankings, MVP and awards (players.includeBots off). */
  leftOut: boolean;
}

/** The `!stats` embed; field names and values read as `K/D: 1.87 (450 kills, 240 deaths)`. A bot is marked as one. */
export function statsEmbed(p: PlayerProfile, esc: (s: string) => string, bot: BotMark = { isBot: false, leftOut: false }): Embed {
  const t = p.totals;
  const fields = [
    { name: 'Rounds played', value: String(t.rounds), inline: true },
    { name: 'Time played', value: formatDuration(t.timePlayedSeconds), inline: true },
    { name: 'K/D', value: `${formatRatio(t.kd)} (${t.kills} kills, ${t.deaths} deaths)`, inline: true },
    { name: 'DPM', value: formatRatio(t.dpm), inline: true },
    { name: 'Accuracy', value: `${formatPercent(t.accuracy)} (${t.hits} hits, ${t.shots} shots)`, inline: true },
    { name: 'Headshots', value: `${formatPercent(t.headshotPercent)} of hits (${t.headshots} head hits)`, inline: true },
    { name: 'Damage', value: `${t.damageGiven} given, ${t.damageReceived} received`, inline: true },
    { name: 'Gibs', value: String(t.gibs), inline: true },
    { name: 'Revives', value: `${t.revivesGiven === null ? '-' : t.revivesGiven} given, ${t.timesRevived} received`, inline: true },
    { name: 'XP', value: String(t.xp), inline: true },
    {
      name: 'Top weapons',
      value: p.topWeapons.length > 0 ? p.topWeapons.map((w) => `${w.name} (${w.kills} kills)`).join(', ') : '-',
    },
    { name: 'Favourite map', value: p.favouriteMap ? `${esc(p.favouriteMap.map)} (${p.favouriteMap.rounds} rounds)` : '-' },
    { name: 'First seen', value: formatLocalTime(p.firstSeen), inline: true },
    { name: 'Last seen', value: formatLocalTime(p.lastSeen), inline: true },
  ];
  if (p.otherNames.length > 0) fields.push({ name: 'Other names', value: p.otherNames.slice(0, 15).map(esc).join(', ') });
  const botNote = bot.leftOut ? ' · a bot: left out of rankings, MVP and awards' : bot.isBot ? ' · a bot' : '';
  return { title: `Stats for ${esc(p.player.name)}${bot.isBot ? ' (bot)' : ''}`, color: Colors.primary, fields, footer: `GUID ${p.player.guid}${botNote}` };
}
