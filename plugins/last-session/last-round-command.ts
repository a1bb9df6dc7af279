import { defineCommand, nameFormatter, NO_ROUNDS_MESSAGE } from 'etbot/plugin-api';
import { roundEmbed } from './summary/format';
import type { SessionSummaryService } from './summary/session-summary-service';

export function lastRoundCommand(summary: SessionSummaryService) {
  return defineCommand({
    name: 'last_round',
    aliases: ['lr'],
    description: 'The latest round: map, outcome or time set, top fraggers, MVP',
    category: 'sessions',
    examples: ['!last_round'],
    async run(ctx) {
      const round = await summary.lastRound();
      if (!round) return { text: NO_ROUNDS_MESSAGE };
      return { embeds: [roundEmbed(round, nameFormatter(ctx.transport))] };
    },
  });
}
