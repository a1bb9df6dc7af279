import { createServiceToken } from '../plugin-api/services';
import type { SessionSummaryService } from './session-summary-service';

export const SessionSummaryServices = {
  /** `last()`, `byIndex(n)`, `byNumber(n)`, `byDate(d)`, `byId(id)`, `lastRound()`, `round(id)`, `renderImage(sessionId)`. */
  SessionSummary: createServiceToken<SessionSummaryService>('session-summary'),
} as const;
