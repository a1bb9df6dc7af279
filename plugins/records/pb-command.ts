import { Colors, defineCommand, nameFormatter, resolvePlayerArgument, type PlayerResolver, type RoundValuesService } from 'etbot/plugin-api';
import { ROUND_STATS } from './record-stats';

/** `!pb [player]`: the player's best single round in each record stat. */
export function pbCommand(values: RoundValuesService, resolver: PlayerResolver) {
  return defineCommand({
    name: 'pb',
    aliases: ['personalbests'],
    description: "A player's personal bests: best single round in each record stat",
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, GUID or @user; default: you', rest: true }] as const,
    examples: ['!pb', '!pb snake'],
    async run(ctx, args) {
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      const esc = nameFormatter(ctx.transport);
      const rows = await values.ofPlayers([player.guid]);
      const lines: string[] = [];
      for (const stat of ROUND_STATS) {
        let best: { value: number; row: (typeof rows)[number] } | null = null;
        for (const row of rows) {
          const value = stat.value(row.values);
          if (value !== null && value > 0 && (best === null || value > best.value)) best = { value, row };
        }
        if (best)
          lines.push(
            `**${stat.title}**: ${stat.format(best.value)} · ${best.row.endedAtLocal.slice(0, 10)} · ${esc(best.row.map)} round ${best.row.roundNumber}`,
          );
      }
      if (lines.length === 0) return { text: `${esc(player.name)} has no counted rounds yet.` };
      return {
        embeds: [{ title: `Personal bests of ${esc(player.name)}`, color: Colors.primary, description: lines.join('\n'), footer: `${rows.length} rounds` }],
      };
    },
  });
}
