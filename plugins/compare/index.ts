import { HostServices } from '../../core/app/tokens';
import { ChartServices } from '../../core/charts/tokens';
import type { RadarPlayerStats } from '../../core/charts/types';
import { CoreServices } from '../../core/app/tokens';
import { UsageError } from '../../core/commands/errors';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION, type Reply } from '../../core/plugin-api';
import { nameFormatter, playerProblemReply, QueryServices, type PlayerSummary } from '../../core/queries';
import { COMPARED, leaderMark } from './rows';

const compare = defineCommand({
  name: 'compare',
  aliases: ['vs'],
  description: 'Two players side by side, with a radar chart',
  category: 'stats',
  slow: true,
  args: [
    { name: 'first', type: 'player', description: 'First player (quote names with spaces)', required: true, rest: false },
    { name: 'second', type: 'player', description: 'Second player', required: true },
  ] as const,
  examples: ['!compare snake slasher', '!compare "Doc Holliday" @someone'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'compare',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!compare: two players side by side',
  },
  register(api) {
    const resolver = api.services.get(QueryServices.PlayerResolver);
    const playerStats = api.services.get(QueryServices.PlayerStats);
    const runner = api.services.get(HostServices.CommandRunner);
    const charts = api.services.has(ChartServices.Charts) ? api.services.get(ChartServices.Charts) : null;

    api.command({
      ...compare,
      async run(ctx, args) {
        const first = await resolver.resolve(args.first, ctx.caller);
        const firstProblem = playerProblemReply(first, ctx.transport, runner.prefix);
        if (firstProblem || first.kind !== 'found') return firstProblem!;
        const second = await resolver.resolve(args.second, ctx.caller);
        const secondProblem = playerProblemReply(second, ctx.transport, runner.prefix);
        if (secondProblem || second.kind !== 'found') return secondProblem!;
        if (first.player.guid === second.player.guid) throw new UsageError('name two different players');

        const [a, b] = await Promise.all([playerStats.summary(first.player), playerStats.summary(second.player)]);
        const esc = nameFormatter(ctx.transport);
        const lines = COMPARED.map((row) => {
          const va = row.value(a.totals);
          const vb = row.value(b.totals);
          const lead = leaderMark(row.better, va, vb);
          return `**${row.label}**: ${row.format(va)} vs ${row.format(vb)}${lead === 0 ? '' : ` (${esc(lead === 1 ? a.player.name : b.player.name)} leads)`}`;
        });
        const reply: Reply = {
          embeds: [
            {
              title: `${esc(a.player.name)} vs ${esc(b.player.name)}`,
              description: lines.join('\n'),
              color: Colors.primary,
              footer: 'All time',
            },
          ],
        };
        if (charts) {
          try {
            const png = await charts.renderRadar({ title: `${a.player.name} vs ${b.player.name}`, players: [radar(a), radar(b)] });
            reply.files = [{ name: 'compare.png', data: png, description: 'Radar chart of both players' }];
            reply.embeds![0]!.image = 'compare.png';
          } catch (err) {
            ctx.logger.warn({ err }, 'compare: radar chart failed; replying without it');
          }
        }
        return reply;
      },
    });
  },
});

function radar(s: PlayerSummary): RadarPlayerStats {
  const t = s.totals;
  const perRound = (n: number) => (t.rounds === 0 ? 0 : n / t.rounds);
  return {
    name: s.player.name,
    killDeathRatio: t.kd,
    dpm: t.dpm ?? 0,
    accuracy: t.accuracy,
    headshotPercent: t.headshotPercent,
    revivesPerRound: perRound(t.revivesGiven ?? 0),
    objectivesPerRound: perRound(t.objectives),
  };
}
