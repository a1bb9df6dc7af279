import {
  ALL_TIME,
  Colors,
  defineCommand,
  describeWindow,
  findLeaderboardStat,
  LEADERBOARD_STATS,
  NO_ROUNDS_MESSAGE,
  nameFormatter,
  parseTimeWindow,
  UsageError,
  type Clock,
  type DataStatusService,
  type Leaderboard,
  type LeaderboardService,
  type LeaderboardStat,
  type PlayerRef,
  type PlayerResolver,
  type Reply,
  type SkillRating,
  type TimeWindow,
} from 'etbot/plugin-api';
import { formatValue, entryLine } from './lines';
import type { LeaderboardsOptions } from './options';
import { emptyBoardText } from './empty-board';
import { RATING_CHOICE, ratingBoardReply } from './rating-board';

export interface TopCommandDeps {
  boards: LeaderboardService;
  status: DataStatusService;
  resolver: PlayerResolver;
  clock: Clock;
  /** The rating plugin's service; undefined while that plugin is off. */
  rating: SkillRating | undefined;
  options: LeaderboardsOptions;
}

export function topCommand({ boards, status, resolver, clock, rating, options }: TopCommandDeps) {
  const { minRounds, pageSize } = options;
  return defineCommand({
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
}

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
  let description = lines.length > 0 ? lines.join('\n') : emptyBoardText(board);
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
