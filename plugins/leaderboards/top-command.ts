import { z } from 'zod';
import { CoreServices } from '../../core/app/tokens';
import { UsageError } from '../../core/commands/errors';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION, type Reply } from '../../core/plugin-api';
import {
  ALL_TIME,
  describeWindow,
  findLeaderboardStat,
  LEADERBOARD_STATS,
  NO_ROUNDS_MESSAGE,
  nameFormatter,
  parseTimeWindow,
  QueryServices,
  type Leaderboard,
  type LeaderboardStat,
  type PlayerRef,
  type TimeWindow,
} from '../../core/queries';
import { formatValue, entryLine } from './lines';
import { RatingServices } from '../../core/rating/tokens';
import { RATING_CHOICE, ratingBoardReply } from './rating-board';

const optionsSchema = z
  .object({
    /** Minimum rounds to be ranked, per stat key (`{ "kd": 20 }`); others keep their defaults. */
    minRounds: z.record(z.string(), z.number().int().min(1)).default({}),
    pageSize: z.number().int().min(1).max(25).default(10),
  })
  .strict()
  .refine((o) => Object.keys(o.minRounds).every((k) => findLeaderboardStat(k) !== undefined), {
    message: `minRounds keys must be stats: ${LEADERBOARD_STATS.map((s) => s.key).join(', ')}`,
  });

type Options = z.infer<typeof optionsSchema>;

const top = defineCommand({
  name: 'top',
  aliases: ['leaderboard', 'lb'],
  description: 'Leaderboard by a stat, 10 per page, optionally over a time window',
  category: 'stats',
  args: [
    {
      name: 'stat',
      type: 'choice',
      description: 'What to rank by',
      required: true,
      choices: [...LEADERBOARD_STATS.map((s) => ({ name: s.label, value: s.key })), RATING_CHOICE],
    },
    { name: 'page', type: 'string', description: 'Page number, or a time window', rest: false },
    { name: 'period', type: 'string', description: 'all, 30d, 2025-10, 2025-10-01..2025-10-31', rest: false },
  ] as const,
  examples: ['!top kills', '!top kd 2', '!top dpm 30d', '!top accuracy 2025-10-01..2025-10-31', '!top rating'],
  run: () => ({}),
});

export default definePlugin<Options>({
  manifest: {
    id: 'leaderboards',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!top: leaderboards by any stat',
  },
  configSchema: optionsSchema as unknown as z.ZodType<Options>,
  register(api) {
    const boards = api.services.get(QueryServices.Leaderboards);
    const status = api.services.get(QueryServices.DataStatus);
    const resolver = api.services.get(QueryServices.PlayerResolver);
    const clock = api.services.get(CoreServices.Clock);
    const { minRounds, pageSize } = api.options;
    // The rating board comes from the rating plugin's core service when that plugin is on.
    const rating = api.services.has(RatingServices.Rating) ? api.services.get(RatingServices.Rating) : null;

    api.command({
      ...top,
      async run(ctx, args) {
        let page = 1;
        let window: TimeWindow = ALL_TIME;
        for (const word of [args.page, args.period]) {
          if (word === undefined) continue;
          if (/^\d+$/.test(word)) {
            page = Number(word);
            if (page < 1) throw new UsageError('page must be 1 or more');
            continue;
          }
          const parsed = parseTimeWindow(word, clock.now());
          if (!parsed) throw new UsageError(`'${word}' is neither a page number nor a time window (all, 30d, 2025-10, 2025-10-01..2025-10-31)`);
          window = parsed;
        }
        if (!(await status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
        const esc = nameFormatter(ctx.transport);
        if (args.stat === RATING_CHOICE.value) {
          const me = await resolver.linkedPlayer(ctx.caller.id);
          return ratingBoardReply(rating, { page, pageSize, windowGiven: window.kind !== 'all', me, esc });
        }
        const stat = findLeaderboardStat(args.stat)!;
        const board = await boards.board(stat, { window, minRounds: minRounds[stat.key] });
        const me = await resolver.linkedPlayer(ctx.caller.id);
        const pageCount = Math.max(1, Math.ceil(board.entries.length / pageSize));
        if (page > pageCount) throw new UsageError(`there ${pageCount === 1 ? 'is 1 page' : `are ${pageCount} pages`}`);
        const render = async (index: number): Promise<Reply> => pageReply(board, index, pageCount, pageSize, me, esc, render);
        return render(page - 1);
      },
    });
  },
});

function title(stat: LeaderboardStat, window: TimeWindow): string {
  const base = stat.order === 'asc' ? `Top players by ${stat.label} (least team damage per minute)` : `Top players by ${stat.label}`;
  return window.kind === 'all' ? base : `${base}, ${describeWindow(window)}`;
}

function pageReply(
  board: Leaderboard,
  index: number,
  pageCount: number,
  pageSize: number,
  me: PlayerRef | null,
  esc: (s: string) => string,
  render: (index: number) => Promise<Reply>,
): Reply {
  const { stat, entries, minRounds, window } = board;
  const slice = entries.slice(index * pageSize, (index + 1) * pageSize);
  const lines = slice.map((e) => entryLine(e, stat, esc));
  let description = lines.length > 0 ? lines.join('\n') : minRounds > 1 ? `Nobody has played ${minRounds} rounds in this window yet.` : 'Nobody has played in this window yet.';
  if (me) {
    const mine = entries.find((e) => e.player.guid === me.guid);
    description += mine
      ? `\n\nYour rank: ${mine.rank}. ${esc(mine.player.name)} - ${formatValue(stat, mine.value)}`
      : `\n\nYou (${esc(me.name)}) are not ranked${minRounds > 1 ? ` (at least ${minRounds} rounds needed)` : ''}.`;
  }
  const footer = [`${describeWindow(window)}`, minRounds > 1 ? `minimum ${minRounds} rounds` : null, `page ${index + 1}/${pageCount}`]
    .filter((x) => x !== null)
    .join(' · ');
  const reply: Reply = { embeds: [{ title: title(stat, window), description, color: Colors.primary, footer }] };
  if (pageCount > 1) reply.pagination = { page: index, pageCount, goTo: render };
  return reply;
}
