import { Colors, defineCommand, formatAwardLine, nameFormatter, NO_ROUNDS_MESSAGE, type AwardRegistry } from 'etbot/plugin-api';
import { sessionReply } from './session-reply';
import type { SessionSummaryService } from './summary/session-summary-service';

const VIEWS = [
  { name: 'overview: maps, teams, players, MVP and the graphs', value: 'overview' },
  { name: 'maps: each map with its rounds and score', value: 'maps' },
  { name: 'weapons: kills by weapon', value: 'weapons' },
  { name: 'top: the best three per stat', value: 'top' },
  { name: 'graphs: the six graphs alone', value: 'graphs' },
  { name: 'awards: most damage, best K/D, longest spree...', value: 'awards' },
] as const;

export function lastSessionCommand(summary: SessionSummaryService, awards?: () => AwardRegistry | undefined) {
  return defineCommand({
    name: 'last_session',
    aliases: ['last', 'ls'],
    description: 'The most recent gaming session: maps, score, teams, players, MVP and six graphs',
    category: 'sessions',
    slow: true,
    args: [{ name: 'view', type: 'choice', description: 'What to show (default: overview)', choices: VIEWS }] as const,
    examples: ['!last_session', '!last_session maps', '!ls top', '!last graphs'],
    async run(ctx, args) {
      const report = await summary.last();
      if (!report) return { text: NO_ROUNDS_MESSAGE };
      if (args.view === 'awards') {
        const registry = awards?.();
        if (!registry) return { text: `Awards need the awards plugin (\`${ctx.prefix}plugin enable awards\`).` };
        const esc = nameFormatter(ctx.transport);
        const results = await registry.compute({ kind: 'sessions', sessionIds: [report.sessionId] });
        return {
          embeds: [
            {
              title: `Last session · ${report.date} · awards`,
              color: Colors.primary,
              description: results.map((a) => formatAwardLine(a, esc)).join('\n') || 'No awards: no rounds with players.',
            },
          ],
        };
      }
      return sessionReply(summary, report, args.view ?? 'overview', nameFormatter(ctx.transport), ctx.prefix, ctx.logger);
    },
  });
}
