import { Colors, defineCommand, nameFormatter, UsageError, type PlayerLookupService, type PlayerRef, type Reply } from 'etbot/plugin-api';
import { basisNote, chanceLine, uncertaintyNote } from './chance-wording';
import { MAX_BALANCE_PLAYERS } from './model/balance';
import { displayRating } from './model/scale';
import type { RatingService } from './rating-service';

/** Commas separate when there are any (names with spaces), else spaces do. */
export function splitPlayerList(text: string): string[] {
  const parts = text.includes(',') ? text.split(',') : text.split(/\s+/);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function balanceCommand(rating: RatingService, players: PlayerLookupService) {
  return defineCommand({
    name: 'balance',
    description: 'Split players into the two fairest teams (by rating, or by performance while it knows too little)',
    category: 'stats',
    args: [
      {
        name: 'players',
        type: 'string',
        description: `2 to ${MAX_BALANCE_PLAYERS} names or GUIDs, split by spaces (by commas if a name has spaces)`,
        required: true,
        rest: true,
      },
    ] as const,
    examples: ['!balance alpha bravo charlie delta echo foxtrot', '!balance big bad wolf, red hood, granny, hunter'],
    async run(ctx, args): Promise<Reply> {
      const esc = nameFormatter(ctx.transport);
      const queries = splitPlayerList(args.players);
      if (queries.length < 2 || queries.length > MAX_BALANCE_PLAYERS) throw new UsageError(`name 2 to ${MAX_BALANCE_PLAYERS} players (got ${queries.length})`);
      const found: PlayerRef[] = [];
      const problems: string[] = [];
      for (const q of queries) {
        const r = await players.find(q);
        if (r.kind === 'found') {
          if (found.some((f) => f.guid === r.player.guid)) problems.push(`'${esc(q)}' is ${esc(r.player.name)} again`);
          else found.push(r.player);
        } else if (r.kind === 'ambiguous') {
          problems.push(
            `'${esc(q)}' matches several players: ${r.candidates
              .slice(0, 5)
              .map((c) => esc(c.name))
              .join(', ')}${r.total > 5 ? ', ...' : ''}`,
          );
        } else {
          const hint = r.suggestions.length > 0 ? ` (did you mean ${r.suggestions.map((s) => esc(s.name)).join(', ')}?)` : '';
          problems.push(`no player matches '${esc(q)}'${hint}`);
        }
      }
      if (problems.length > 0) return { text: `Cannot balance:\n${problems.map((p) => `- ${p}`).join('\n')}`, ephemeral: true, isError: true };
      await rating.ready();
      const split = await rating.balance(found);
      const line = (p: PlayerRef & { mu: number; sigma: number }) => `${esc(p.name)} (${displayRating(p.mu, p.sigma)})`;
      const note = uncertaintyNote(split);
      return {
        embeds: [
          {
            title: `Balanced teams for ${found.length} players`,
            color: Colors.primary,
            fields: [
              { name: 'Team 1', value: split.team1.map(line).join('\n'), inline: true },
              { name: 'Team 2', value: split.team2.map(line).join('\n'), inline: true },
              { name: 'Predicted', value: note ? `${chanceLine(split.chance)}; ${note}` : chanceLine(split.chance) },
            ],
            footer: basisNote(split),
          },
        ],
      };
    },
  });
}
