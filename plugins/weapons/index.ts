import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION } from '../../core/plugin-api';
import { clip, formatPercent, nameFormatter, playerProblemReply, QueryServices } from '../../core/queries';

const weapons = defineCommand({
  name: 'weapons',
  aliases: ['weapon'],
  description: "A player's kills, deaths, accuracy and headshots per weapon",
  category: 'stats',
  args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
  examples: ['!weapons', '!weapons snake'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'weapons',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!weapons: per-weapon stats',
  },
  register(api) {
    const resolver = api.services.get(QueryServices.PlayerResolver);
    const playerStats = api.services.get(QueryServices.PlayerStats);
    const runner = api.services.get(HostServices.CommandRunner);
    api.command({
      ...weapons,
      async run(ctx, args) {
        const resolved = await resolver.resolve(args.player, ctx.caller);
        const problem = playerProblemReply(resolved, ctx.transport, runner.prefix);
        if (problem || resolved.kind !== 'found') return problem!;
        const list = await playerStats.weapons(resolved.player);
        const esc = nameFormatter(ctx.transport);
        const lines = list.map(
          (w) => `**${w.name}**: ${w.kills} kills, ${w.deaths} deaths by it, ${formatPercent(w.accuracy)} accuracy, ${formatPercent(w.headshotPercent)} headshots`,
        );
        return {
          embeds: [
            {
              title: `Weapons of ${esc(resolved.player.name)}`,
              description: lines.length > 0 ? clip(lines.join('\n'), 4096) : 'No weapon use recorded.',
              color: Colors.primary,
              footer: 'Deaths by it: times killed by that weapon. Headshots: head hits as a share of hits.',
            },
          ],
        };
      },
    });
  },
});
