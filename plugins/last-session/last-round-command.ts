import { defineCommand, nameFormatter, NO_ROUNDS_MESSAGE, type ReplyAction } from 'etbot/plugin-api';
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
      return { embeds: [roundEmbed(round, nameFormatter(ctx.transport))], actions: [whyRoundAction(round.fileName)] };
    },
  });
}

/**
 * `!why <file>`: that round's map result even after newer rounds came in (`!why last` would move
 * on); a file name the command line could not carry as one word falls back to `!why last`.
 */
export function whyRoundAction(fileName: string): ReplyAction {
  return { label: 'Why?', command: /^[^\s"]+$/.test(fileName) ? `why ${fileName}` : 'why last' };
}
