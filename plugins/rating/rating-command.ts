import { Colors, defineCommand, type Embed, type EmbedField, type Reply } from '../../core/plugin-api';
import { playerProblemReply, type PlayerRef, type PlayerResolver } from '../../core/queries';
import { nameFormatter } from '../../core/queries/format';
import type { PlayerRatingSummary, RatingService, TeammateRecord } from '../../core/rating';

export const ratingCommandDefinition = defineCommand({
  name: 'rating',
  aliases: ['skill', 'elo'],
  description: "A player's stopwatch skill rating: who actually wins maps",
  category: 'stats',
  args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
  examples: ['!rating', '!rating snake'],
  run: () => ({}),
});

export function ratingCommand(rating: RatingService, resolver: PlayerResolver, prefix: () => string) {
  return {
    ...ratingCommandDefinition,
    async run(ctx: Parameters<typeof ratingCommandDefinition.run>[0], args: { player: string | undefined }): Promise<Reply> {
      const resolved = await resolver.resolve(args.player, ctx.caller);
      const problem = playerProblemReply(resolved, ctx.transport, prefix());
      if (problem || resolved.kind !== 'found') return problem!;
      await rating.ready();
      const summary = await rating.player(resolved.player.guid);
      return { embeds: [ratingEmbed(resolved.player, summary, nameFormatter(ctx.transport))] };
    },
  };
}

/** The `!rating` embed. */
export function ratingEmbed(player: PlayerRef, s: PlayerRatingSummary, esc: (name: string) => string): Embed {
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
    {
      name: `Trend over the last ${s.recent.length} maps`,
      value: `${signed(s.trend)} (${s.recent.map((m) => m.result).join(' ')})`,
    },
    { name: 'Best teammates', value: teammateLines(s.bestTeammates, esc) },
    { name: 'Worst teammates', value: teammateLines(s.worstTeammates, esc) },
  ];
  return { title: `Rating for ${esc(player.name)}`, color: Colors.primary, fields, footer };
}

function teammateLines(mates: readonly TeammateRecord[], esc: (name: string) => string): string {
  if (mates.length === 0) return '- (needs 3 maps together)';
  return mates.map((m) => `${esc(m.name)}: ${m.wins} W, ${m.draws} D, ${m.losses} L together (${Math.round(m.winShare * 100)}%)`).join('\n');
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
