import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { defineCommand, definePlugin, PLUGIN_API_VERSION, type Embed, type Reply } from '../../core/plugin-api';
import { nameFormatter } from '../../core/queries/format';
import { NO_ROUNDS_MESSAGE } from '../../core/queries/data-status';
import { QueryServices } from '../../core/queries/tokens';
import {
  roundEmbed,
  sessionMapsEmbed,
  sessionOverviewEmbed,
  sessionTopEmbed,
  sessionWeaponsEmbed,
  SessionSummaryServices,
  type SessionReport,
  type SessionSummaryService,
} from '../../core/session-summary';

/** Name of the attached six-graph image; the overview embed shows it. */
export const SESSION_IMAGE_NAME = 'last-session.png';

const VIEWS = [
  { name: 'overview: maps, teams, players, MVP and the graphs', value: 'overview' },
  { name: 'maps: each map with its rounds and score', value: 'maps' },
  { name: 'weapons: kills by weapon', value: 'weapons' },
  { name: 'top: the best three per stat', value: 'top' },
  { name: 'graphs: the six graphs alone', value: 'graphs' },
] as const;

const lastSession = defineCommand({
  name: 'last_session',
  aliases: ['last', 'ls'],
  description: 'The most recent gaming session: maps, score, teams, players, MVP and six graphs',
  category: 'sessions',
  slow: true,
  args: [{ name: 'view', type: 'choice', description: 'What to show (default: overview)', choices: VIEWS }] as const,
  examples: ['!last_session', '!last_session maps', '!ls top', '!last graphs'],
  run: () => ({}),
});

const lastRound = defineCommand({
  name: 'last_round',
  aliases: ['lr'],
  description: 'The latest round: map, outcome or time set, top fraggers, MVP',
  category: 'sessions',
  examples: ['!last_round'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'last-session',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!last_session and !last_round',
  },
  register(api) {
    const summary = api.services.get(SessionSummaryServices.SessionSummary);
    const runner = api.services.get(HostServices.CommandRunner);
    api.command({
      ...lastSession,
      async run(ctx, args) {
        const report = await summary.last();
        if (!report) return { text: NO_ROUNDS_MESSAGE };
        return sessionReply(summary, report, args.view ?? 'overview', nameFormatter(ctx.transport), runner.prefix, ctx.logger);
      },
    });
    // `!session <date|number>` (sessions plugin) shows the same six graphs through its extension point.
    if (api.services.has(QueryServices.SessionReplyExtensions)) {
      const registration = api.services.get(QueryServices.SessionReplyExtensions).add(api.id, async (session) => {
        const data = await summary.renderImage(session.id);
        return data ? { name: `session-${session.number}.png`, data, description: `Six graphs of session #${session.number}` } : null;
      });
      api.onDispose(() => registration.dispose());
    }
    api.command({
      ...lastRound,
      async run(ctx) {
        const round = await summary.lastRound();
        if (!round) return { text: NO_ROUNDS_MESSAGE };
        return { embeds: [roundEmbed(round, nameFormatter(ctx.transport))] };
      },
    });
  },
});

/** The reply for one view of a session (also what the announcer's summary looks like). */
export async function sessionReply(
  summary: SessionSummaryService,
  report: SessionReport,
  view: string,
  esc: (s: string) => string,
  prefix: string,
  logger?: { warn(obj: object, msg: string): void },
): Promise<Reply> {
  switch (view) {
    case 'maps':
      return { embeds: [sessionMapsEmbed(report, esc)] };
    case 'weapons':
      return { embeds: [sessionWeaponsEmbed(report, esc)] };
    case 'top':
      return { embeds: [sessionTopEmbed(report, esc)] };
    case 'graphs': {
      const image = await summary.renderReportImage(report);
      return { files: [{ name: SESSION_IMAGE_NAME, data: image, description: `Six graphs of session #${report.number}` }] };
    }
    default: {
      let image: Buffer | null = null;
      try {
        image = await summary.renderReportImage(report);
      } catch (err) {
        // The overview still answers when the graphs cannot be drawn (queue full, charts off).
        logger?.warn({ err }, 'last_session: the six-graph image could not be rendered');
      }
      const embed: Embed = sessionOverviewEmbed(report, esc, { image: image ? SESSION_IMAGE_NAME : undefined, prefix, title: `Last session · ${report.date}` });
      return image
        ? { embeds: [embed], files: [{ name: SESSION_IMAGE_NAME, data: image, description: `Six graphs of session #${report.number}` }] }
        : { embeds: [embed] };
    }
  }
}
