import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION } from '../../core/plugin-api';
import { clip, formatRatio, nameFormatter, playerProblemReply, QueryServices } from '../../core/queries';

const maps = defineCommand({
  name: 'maps',
  description: "A player's rounds, wins attacking and defending, K/D and DPM per map",
  category: 'stats',
  args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
  examples: ['!maps', '!maps snake'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'maps',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!maps: per-map stats',
  },
  register(api) {
    const resolver = api.services.get(QueryServices.PlayerResolver);
    const playerStats = api.services.get(QueryServices.PlayerStats);
    const runner = api.services.get(HostServices.CommandRunner);
    api.command({
      ...maps,
      async run(ctx, args) {
        const resolved = await resolver.resolve(args.player, ctx.caller);
        const problem = playerProblemReply(resolved, ctx.transport, runner.prefix);
        if (problem || resolved.kind !== 'found') return problem!;
        const list = await playerStats.maps(resolved.player);
        const esc = nameFormatter(ctx.transport);
        const lines = list.map(
          (m) =>
            `**${esc(m.map)}**: ${m.rounds} rounds, won ${m.roundsWonAttacking} attacking and ${m.roundsWonDefending} defending, ` +
            `K/D ${formatRatio(m.kd)}, DPM ${formatRatio(m.dpm)}`,
        );
        return {
          embeds: [
            {
              title: `Maps of ${esc(resolved.player.name)}`,
              description: lines.length > 0 ? clip(lines.join('\n'), 4096) : 'No rounds recorded.',
              color: Colors.primary,
            },
          ],
        };
      },
    });
  },
});
