import { clip, Colors, defineCommand, formatRatio, nameFormatter, resolvePlayerArgument, type PlayerResolver, type PlayerStatsService } from 'etbot/plugin-api';

/** `!maps [player]`: rounds, wins attacking and defending, K/D and DPM per map. */
export function mapsCommand(resolver: PlayerResolver, playerStats: PlayerStatsService) {
  return defineCommand({
    name: 'maps',
    description: "A player's rounds, wins attacking and defending, K/D and DPM per map",
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
    examples: ['!maps', '!maps snake'],
    async run(ctx, args) {
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      const list = await playerStats.maps(player);
      const esc = nameFormatter(ctx.transport);
      const lines = list.map(
        (m) =>
          `**${esc(m.map)}**: ${m.rounds} rounds, won ${m.roundsWonAttacking} attacking and ${m.roundsWonDefending} defending, ` +
          `K/D ${formatRatio(m.kd)}, DPM ${formatRatio(m.dpm)}`,
      );
      return {
        embeds: [
          {
            title: `Maps of ${esc(player.name)}`,
            description: lines.length > 0 ? clip(lines.join('\n'), 4096) : 'No rounds recorded.',
            color: Colors.primary,
          },
        ],
      };
    },
  });
}
