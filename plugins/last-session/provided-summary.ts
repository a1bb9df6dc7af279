import type { SessionSummaryService as ProvidedSessionSummary, PlayerRoundsService } from 'etbot/plugin-api';
import { playersHeadToHead } from './h2h/player-head-to-head';
import { teamHeadToHead } from './h2h/team-head-to-head';
import { roundEmbed, sessionOverviewEmbed } from './summary/format';
import { explainMvp } from './summary/explain-mvp';
import type { SessionSummaryService } from './summary/session-summary-service';
import type { RoundReport, SessionReport, TeamId } from './summary/types';
import { findNamedTeam, type TeamNamesService } from './teams/team-names-service';
import type { TimelineService } from './timeline/timeline-service';
import type { SessionViews } from './views/session-views';

export interface ProvidedStoryDeps {
  views: SessionViews;
  timeline: TimelineService;
  teamNames: TeamNamesService;
  playerRounds: PlayerRoundsService;
}

/**
 * The summary as other plugins get it (`LastSessionServices.SessionSummary`). The reports they
 * pass back are the ones these methods gave them, so the builders take the full report types.
 */
export function providedSummary(summary: SessionSummaryService, story: ProvidedStoryDeps): ProvidedSessionSummary {
  return {
    lastSession: () => summary.last(),
    session: (sessionId) => summary.byId(sessionId),
    lastRound: () => summary.lastRound(),
    round: (roundId) => summary.round(roundId),
    renderImage: (session: SessionReport) => summary.renderReportImage(session),
    roundEmbed: (round: RoundReport, escape, title) => roundEmbed(round, escape, title),
    sessionOverviewEmbed: (session: SessionReport, escape, options) => sessionOverviewEmbed(session, escape, options),
    explainMvp: (session: SessionReport) => explainMvp(session),
    async statViewEmbed(session, view, escape) {
      const embed = await story.views.embed(session.sessionId, view, escape);
      if (!embed) throw new Error(`session ${session.sessionId} is gone`);
      return embed;
    },
    timeline: (session) => story.timeline.data(session.sessionId),
    async renderTimeline(session, highlightGuid) {
      const image = await story.timeline.render(session.sessionId, highlightGuid ?? null);
      if (!image) throw new Error(`session ${session.sessionId} is gone`);
      return image;
    },
    teamNames: (session) => story.teamNames.ofSession(session.sessionId),
    async teamHeadToHead(firstTeam, secondTeam) {
      const { history, names } = await story.teamNames.all();
      const first = findNamedTeam(names, firstTeam);
      const second = findNamedTeam(names, secondTeam);
      if (!first || !second) return null;
      const sides = new Map<number, [TeamId, TeamId]>();
      for (const [sessionId, team] of first.sides) {
        const other = second.sides.get(sessionId);
        if (other && other !== team) sides.set(sessionId, [team, other]);
      }
      return teamHeadToHead({ ...history, maps: await story.teamNames.history.mapsOfSessions([...sides.keys()]) }, sides);
    },
    async playersHeadToHead(firstGuid, secondGuid) {
      const shared = await story.playerRounds.sessionsWithAll([firstGuid, secondGuid]);
      const [rosters, rows, maps] = await Promise.all([
        story.teamNames.history.rosters(),
        story.playerRounds.ofPlayers([firstGuid, secondGuid], { sessionIds: shared }),
        story.teamNames.history.mapsOfSessions(shared),
      ]);
      return playersHeadToHead({ ...rosters, maps }, rows, firstGuid, secondGuid);
    },
  };
}
