import {
  clip,
  Colors,
  defineCommand,
  formatPercent,
  nameFormatter,
  resolvePlayerArgument,
  type PlayerResolver,
  type PlayerStatsService,
} from 'etbot/plugin-api';

/** `!weapons [player]`: kills, deaths, accuracy and headshots per weapon. */
export function weaponsCommand(resolver: PlayerResolver, playerStats: PlayerStatsService) {
  return defineCommand({
    name: 'weapons',
    aliases: ['weapon'],
    description: "A player's kills, deaths, accuracy and headshots per weapon",
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
    examples: ['!weapons', '!weapons snake'],
    async run(ctx, args) {
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      const list = await playerStats.weapons(player);
      const esc = nameFormatter(ctx.transport);
      const lines = list.map(
        (w) =>
          `**${w.name}**: ${w.kills} kills, ${w.deaths} deaths by it, ${formatPercent(w.accuracy)} accuracy, ${formatPercent(w.headshotPercent)} headshots`,
      );
      return {
        embeds: [
          {
            title: `Weapons of ${esc(player.name)}`,
            description: lines.length > 0 ? clip(lines.join('\n'), 4096) : 'No weapon use recorded.',
            color: Colors.primary,
            footer: 'Deaths by it: times killed by that weapon. Headshots: head hits as a share of hits.',
          },
        ],
      };
    },
  });
}
