import type { SessionSummaryService as ProvidedSessionSummary } from 'etbot/plugin-api';
import { roundEmbed, sessionOverviewEmbed } from './summary/format';
import { explainMvp } from './summary/explain-mvp';
import type { SessionSummaryService } from './summary/session-summary-service';
import type { RoundReport, SessionReport } from './summary/types';

/**
 * The summary as other plugins get it (`LastSessionServices.SessionSummary`). The reports they
 * pass back are the ones these methods gave them, so the builders take the full report types.
 */
export function providedSummary(summary: SessionSummaryService): ProvidedSessionSummary {
  return {
    lastSession: () => summary.last(),
    session: (sessionId) => summary.byId(sessionId),
    lastRound: () => summary.lastRound(),
    round: (roundId) => summary.round(roundId),
    renderImage: (session: SessionReport) => summary.renderReportImage(session),
    roundEmbed: (round: RoundReport, escape, title) => roundEmbed(round, escape, title),
    sessionOverviewEmbed: (session: SessionReport, escape, options) => sessionOverviewEmbed(session, escape, options),
    explainMvp: (session: SessionReport) => explainMvp(session),
  };
}
