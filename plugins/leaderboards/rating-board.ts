import { Colors, UsageError, type PlayerRef, type Reply, type SkillRating } from 'etbot/plugin-api';

/** `!top rating`: the stopwatch skill rating board (all time; the rating plugin keeps it). */
export const RATING_CHOICE = { name: 'skill rating', value: 'rating' } as const;
export const RATING_MIN_MAPS = 10;

export async function ratingBoardReply(
  rating: SkillRating | undefined,
  options: { page: number; pageSize: number; windowGiven: boolean; me: PlayerRef | null; esc: (s: string) => string },
): Promise<Reply> {
  if (!rating) return { text: 'The rating plugin is not enabled.' };
  if (options.windowGiven) throw new UsageError('the skill rating is all time only: leave out the time window');
  await rating.ready();
  const { pageSize, me, esc } = options;
  const first = await rating.leaderboard({ minMaps: RATING_MIN_MAPS, offset: 0, limit: pageSize });
  const pageCount = Math.max(1, Math.ceil(first.total / pageSize));
  if (options.page > pageCount) throw new UsageError(`there ${pageCount === 1 ? 'is 1 page' : `are ${pageCount} pages`}`);
  const mine = me ? await rating.rankOf(me.guid, { minMaps: RATING_MIN_MAPS }) : null;

  const render = async (index: number): Promise<Reply> => {
    const { rows } = index === 0 ? first : await rating.leaderboard({ minMaps: RATING_MIN_MAPS, offset: index * pageSize, limit: pageSize });
    const lines = rows.map((r) => `${r.rank}. ${esc(r.name)} - ${r.rating} (±${r.uncertainty}, ${r.maps} maps, ${r.wins}-${r.draws}-${r.losses})`);
    let description = lines.length > 0 ? lines.join('\n') : `Nobody has played ${RATING_MIN_MAPS} rated maps yet.`;
    if (me) {
      description += mine
        ? `\n\nYour rank: ${mine.rank}. ${esc(mine.name)} - ${mine.rating}`
        : `\n\nYou (${esc(me.name)}) are not ranked (at least ${RATING_MIN_MAPS} rated maps needed).`;
    }
    const reply: Reply = {
      embeds: [
        {
          title: 'Top players by skill rating',
          description,
          color: Colors.primary,
          footer: `all time · minimum ${RATING_MIN_MAPS} maps · W-D-L · page ${index + 1}/${pageCount} · !rating explains the scale`,
        },
      ],
    };
    if (pageCount > 1) reply.pagination = { page: index, pageCount, goTo: render };
    return reply;
  };
  return render(options.page - 1);
}
