import {
  Colors,
  defineCommand,
  nameFormatter,
  resolvePlayerArgument,
  UsageError,
  type ChartService,
  type PlayerResolver,
  type PlayerStatsService,
  type Reply,
} from 'etbot/plugin-api';
import { radarStats } from './radar-stats';
import { COMPARED, leaderMark } from './rows';

export interface CompareServices {
  resolver: PlayerResolver;
  playerStats: PlayerStatsService;
  /** Absent: the reply has no radar chart. */
  charts: ChartService | undefined;
}

/** `!compare <first> <second>`: two players side by side, with a radar chart. */
export function compareCommand({ resolver, playerStats, charts }: CompareServices) {
  return defineCommand({
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
    async run(ctx, args) {
      const first = await resolvePlayerArgument(resolver, args.first, ctx);
      if (!first.player) return first.reply;
      const second = await resolvePlayerArgument(resolver, args.second, ctx);
      if (!second.player) return second.reply;
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
          const png = await charts.renderRadar({ title: `${a.player.name} vs ${b.player.name}`, players: [radarStats(a), radarStats(b)] });
          reply.files = [{ name: 'compare.png', data: png, description: 'Radar chart of both players' }];
          reply.embeds![0]!.image = 'compare.png';
        } catch (err) {
          ctx.logger.warn({ err }, 'compare: radar chart failed; replying without it');
        }
      }
      return reply;
    },
  });
}
