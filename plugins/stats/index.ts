import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION, type Embed } from '../../core/plugin-api';
import {
  formatDuration,
  formatLocalTime,
  formatPercent,
  formatRatio,
  nameFormatter,
  playerProblemReply,
  QueryServices,
  type PlayerProfile,
} from '../../core/queries';

const stats = defineCommand({
  name: 'stats',
  aliases: ['player'],
  description: "A player's totals: K/D, DPM, accuracy, weapons, maps, names",
  category: 'stats',
  args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
  examples: ['!stats', '!stats snake', '!stats @someone'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'stats',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: "!stats: a player's totals",
  },
  register(api) {
    const resolver = api.services.get(QueryServices.PlayerResolver);
    const playerStats = api.services.get(QueryServices.PlayerStats);
    const runner = api.services.get(HostServices.CommandRunner);
    api.command({
      ...stats,
      async run(ctx, args) {
        const resolved = await resolver.resolve(args.player, ctx.caller);
        const problem = playerProblemReply(resolved, ctx.transport, runner.prefix);
        if (problem || resolved.kind !== 'found') return problem!;
        const profile = await playerStats.profile(resolved.player);
        return { embeds: [statsEmbed(profile, nameFormatter(ctx.transport))] };
      },
    });
  },
});

/** The `!stats` embed; field names and values read as `K/D: 1.87 (450 kills, 240 deaths)`. */
export function statsEmbed(p: PlayerProfile, esc: (s: string) => string): Embed {
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
  return { title: `Stats for ${esc(p.player.name)}`, color: Colors.primary, fields, footer: `GUID ${p.player.guid}` };
}
