import {
  Colors,
  defineCommand,
  nameFormatter,
  resolvePlayerArgument,
  type Embed,
  type EmbedField,
  type PlayerRatingSummary,
  type PlayerRef,
  type PlayerResolver,
  type Reply,
  type TeammateRecord,
} from 'etbot/plugin-api';
import { performanceIndex, type PerformanceSums } from './model/performance';
import { MIN_PLAYER_MAPS } from './model/split-forecast';
import type { RatingService } from './rating-service';

export function ratingCommand(rating: RatingService, resolver: PlayerResolver) {
  return defineCommand({
    name: 'rating',
    aliases: ['skill', 'elo'],
    description: "A player's stopwatch skill rating: who actually wins maps",
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
    examples: ['!rating', '!rating snake'],
    async run(ctx, args): Promise<Reply> {
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      await rating.ready();
      const summary = await rating.player(player.guid);
      const performance = (await rating.ratings([player.guid])).get(player.guid)!;
      return { embeds: [ratingEmbed(player, summary, nameFormatter(ctx.transport), performance)] };
    },
  });
}

/** The `!rating` embed. */
export function ratingEmbed(player: PlayerRef, s: PlayerRatingSummary, esc: (name: string) => string, performance?: PerformanceSums): Embed {
  const r = s.rating;
  const footer = 'rating = 1000 + 40 x (mu - 3 sigma), from completed stopwatch maps with a known winner';
  if (r.maps === 0) {
    return {
      title: `Rating for ${esc(player.name)}`,
      description: `No rated maps yet: starts at ${s.shown} (uncertainty ±${s.uncertainty}).`,
      color: Colors.neutral,
      footer,
    };
  }
  const fields: EmbedField[] = [
    { name: 'Rating', value: String(s.shown), inline: true },
    { name: 'Uncertainty', value: `±${s.uncertainty} (mu ${r.mu.toFixed(2)}, sigma ${r.sigma.toFixed(2)})`, inline: true },
    { name: 'Maps counted', value: `${r.maps} (${r.wins} won, ${r.draws} drawn, ${r.losses} lost)`, inline: true },
    ...(performance ? [{ name: 'Performance', value: performanceText(performance) }] : []),
    {
      name: `Trend over the last ${s.recent.length} maps`,
      value: `${signed(s.trend)} (${s.recent.map((m) => m.result).join(' ')})`,
    },
    { name: 'Best teammates', value: teammateLines(s.bestTeammates, esc) },
    { name: 'Worst teammates', value: teammateLines(s.worstTeammates, esc) },
  ];
  const description = r.maps < MIN_PLAYER_MAPS ? `Few maps rated yet (${r.maps}): the rating is still close to its starting guess.` : undefined;
  return { title: `Rating for ${esc(player.name)}`, ...(description ? { description } : {}), color: Colors.primary, fields, footer };
}

/** The performance index as a percentage against the lobby: ln(1.12) reads "+12%". */
export function performanceText(p: PerformanceSums): string {
  const pct = Math.round((Math.exp(performanceIndex(p)) - 1) * 100);
  return `${signed(pct)}% against the lobby (K/D and damage per minute, shrunk towards average for few maps)`;
}

function teammateLines(mates: readonly TeammateRecord[], esc: (name: string) => string): string {
  if (mates.length === 0) return '- (needs 3 maps together)';
  return mates.map((m) => `${esc(m.name)}: ${m.wins} W, ${m.draws} D, ${m.losses} L together (${Math.round(m.winShare * 100)}%)`).join('\n');
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
