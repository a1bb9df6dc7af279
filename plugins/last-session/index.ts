import {
  AwardsServices,
  CacheServices,
  ChartServices,
  CoreServices,
  definePlugin,
  LastSessionServices,
  LinkServices,
  QueryServices,
  SessionsServices,
  z,
} from 'etbot/plugin-api';
import { h2hCommand } from './h2h/h2h-command';
import { lastRoundCommand } from './last-round-command';
import { lastSessionCommand } from './last-session-command';
import { providedSummary } from './provided-summary';
import { SessionSummaryService } from './summary/session-summary-service';
import { LastSessionTeamNames1765500000000 } from './teams/1765500000000-team-names';
import { TeamNameStore } from './teams/team-name-store';
import { TeamNamesService } from './teams/team-names-service';
import { teamNameCommand } from './teams/teamname-command';
import { teamsCommand } from './teams/teams-command';
import { TimelineService } from './timeline/timeline-service';
import { SessionViews } from './views/session-views';

export const lastSessionOptions = z
  .object({
    /** Share of players in common (of the larger roster) for a team to keep a name in a later session. */
    teamNameShare: z.number().min(0.01).max(1).default(0.6),
  })
  .strict();

export default definePlugin({
  manifest: {
    id: 'last-session',
    version: '1.3.0',
    apiVersion: '^2.1.0',
    description: '!last_session (views, timeline, awards), !last_round, !teams, !teamname, !h2h; provides the session summary (announcer)',
    optionalDependsOn: ['sessions', 'awards'],
  },
  requires: [QueryServices.SessionRows, QueryServices.SessionRoundStats, QueryServices.TeamHistory, QueryServices.PlayerRounds, QueryServices.PlayerResolver],
  configSchema: lastSessionOptions,
  migrations: [LastSessionTeamNames1765500000000],
  register(api) {
    const rows = api.services.get(QueryServices.SessionRows);
    const charts = () => api.services.getOptional(ChartServices.Charts);
    const summary = new SessionSummaryService({ rows, cache: api.services.getOptional(CacheServices.QueryCache) ?? null, charts });
    const stats = api.services.get(QueryServices.SessionRoundStats);
    const clock = api.services.get(CoreServices.Clock);
    const teamNames = new TeamNamesService(
      api.services.get(QueryServices.TeamHistory),
      new TeamNameStore(api.storage, () => clock.now()),
      api.options.teamNameShare,
    );
    const views = new SessionViews({ stats, teamNames });
    const timeline = new TimelineService({ stats, charts });
    const playerRounds = api.services.get(QueryServices.PlayerRounds);
    api.provide(LastSessionServices.SessionSummary, providedSummary(summary, { views, timeline, teamNames, playerRounds }));
    api.command(
      lastSessionCommand(summary, { rows, views, timeline, links: () => api.services.getOptional(LinkServices.Links) }, () =>
        api.services.getOptional(AwardsServices.Registry),
      ),
    );
    api.command(lastRoundCommand(summary));
    api.command(teamsCommand(teamNames, rows));
    api.command(teamNameCommand(teamNames, rows, api.options.teamNameShare));
    api.command(h2hCommand({ teamNames, resolver: api.services.get(QueryServices.PlayerResolver), playerRounds }));
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
