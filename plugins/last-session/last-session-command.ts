import {
  Colors,
  defineCommand,
  formatAwardLine,
  nameFormatter,
  NO_ROUNDS_MESSAGE,
  type AwardRegistry,
  type CommandContext,
  type LinkService,
  type SessionRowsService,
} from 'etbot/plugin-api';
import { sessionReply } from './session-reply';
import { isStoryView, storyReply } from './story-reply';
import type { TimelineService } from './timeline/timeline-service';
import type { SessionViews } from './views/session-views';
import type { SessionSummaryService } from './summary/session-summary-service';

const VIEWS = [
  { name: 'overview: maps, teams, players, MVP and the graphs', value: 'overview' },
  { name: 'maps: each map with its rounds and score', value: 'maps' },
  { name: 'weapons: kills by weapon', value: 'weapons' },
  { name: 'top: the best three per stat', value: 'top' },
  { name: 'graphs: the six graphs and the timeline', value: 'graphs' },
  { name: 'timeline: DPM and K/D round by round', value: 'timeline' },
  { name: 'objectives: stolen, returned, dynamites, constructions', value: 'objectives' },
  { name: 'support: revives given and received', value: 'support' },
  { name: 'sprees: sprees, multikills, useful and useless kills', value: 'sprees' },
  { name: 'combat: kills, deaths, headshot kills, gibs, assists, damage', value: 'combat' },
  { name: 'time: time played, time dead, playtime denied', value: 'time' },
  { name: 'awards: most damage, best K/D, longest spree...', value: 'awards' },
] as const;

export interface LastSessionStoryDeps {
  rows: SessionRowsService;
  views: SessionViews;
  timeline: TimelineService;
  /** Highlights the caller's own line in the timeline when linked. */
  links: () => LinkService | undefined;
}

export function lastSessionCommand(summary: SessionSummaryService, story: LastSessionStoryDeps, awards?: () => AwardRegistry | undefined) {
  return defineCommand({
    name: 'last_session',
    aliases: ['last', 'ls'],
    description: 'The most recent gaming session: maps, score, teams, players, MVP and six graphs',
    category: 'sessions',
    slow: true,
    args: [
      { name: 'view', type: 'choice', description: 'What to show (default: overview)', choices: VIEWS },
      { name: 'session', type: 'integer', description: 'An earlier session by number (as !sessions numbers them)', min: 1 },
    ] as const,
    examples: ['!last_session', '!last_session maps', '!ls top', '!last timeline', '!ls combat 3'],
    async run(ctx, args) {
      const view = args.view ?? 'overview';
      const missing = async () => ({
        text: args.session === undefined || (await story.rows.lastSessionId()) === null ? NO_ROUNDS_MESSAGE : `There is no session #${args.session}.`,
      });
      const highlightGuid = view === 'timeline' || view === 'graphs' ? await callerGuid(story, ctx) : null;
      if (isStoryView(view)) {
        const sessionId = args.session === undefined ? await story.rows.lastSessionId() : await story.rows.sessionIdByNumber(args.session);
        const reply = sessionId === null ? null : await storyReply(story, sessionId, view, nameFormatter(ctx.transport), highlightGuid);
        return reply ?? missing();
      }
      const report = args.session === undefined ? await summary.last() : await summary.byNumber(args.session);
      if (!report) return missing();
      if (view === 'awards') {
        const registry = awards?.();
        if (!registry) return { text: `Awards need the awards plugin (\`${ctx.prefix}plugin enable awards\`).` };
        const esc = nameFormatter(ctx.transport);
        const results = await registry.compute({ kind: 'sessions', sessionIds: [report.sessionId] });
        return {
          embeds: [
            {
              title: `${args.session === undefined ? 'Last session' : `Session #${args.session}`} · ${report.date} · awards`,
              color: Colors.primary,
              description: results.map((a) => formatAwardLine(a, esc)).join('\n') || 'No awards: no rounds with players.',
            },
          ],
        };
      }
      return sessionReply(summary, report, view, nameFormatter(ctx.transport), ctx.prefix, ctx.logger, { timeline: story.timeline, highlightGuid });
    },
  });
}

/** The caller's linked player (their timeline line is drawn in white), on Discord. */
async function callerGuid(story: LastSessionStoryDeps, ctx: CommandContext): Promise<string | null> {
  const links = ctx.transport === 'discord' ? story.links() : undefined;
  return links ? links.guidFor(ctx.caller.id) : null;
}
