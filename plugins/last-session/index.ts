import { AwardsServices, CacheServices, ChartServices, definePlugin, LastSessionServices, QueryServices, SessionsServices } from 'etbot/plugin-api';
import { lastRoundCommand } from './last-round-command';
import { lastSessionCommand } from './last-session-command';
import { providedSummary } from './provided-summary';
import { SessionSummaryService } from './summary/session-summary-service';

export default definePlugin({
  manifest: {
    id: 'last-session',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!last_session and !last_round; provides the session summary (announcer)',
    optionalDependsOn: ['sessions', 'awards'],
  },
  requires: [QueryServices.SessionRows],
  register(api) {
    const summary = new SessionSummaryService({
      rows: api.services.get(QueryServices.SessionRows),
      cache: api.services.getOptional(CacheServices.QueryCache) ?? null,
      charts: () => api.services.getOptional(ChartServices.Charts),
    });
    api.provide(LastSessionServices.SessionSummary, providedSummary(summary));
    api.command(lastSessionCommand(summary, () => api.services.getOptional(AwardsServices.Registry)));
    api.command(lastRoundCommand(summary));
    // `!session <date|number>` (sessions plugin) shows the same six graphs through its extension point.
    const extensions = api.services.getOptional(SessionsServices.ReplyExtensions);
    if (extensions) {
      const registration = extensions.add(api.id, async (session) => {
        const data = await summary.renderImage(session.id);
        return data ? { name: `session-${session.number}.png`, data, description: `Six graphs of session #${session.number}` } : null;
      });
      api.onDispose(() => registration.dispose());
    }
  },
});
