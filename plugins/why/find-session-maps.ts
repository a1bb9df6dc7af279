import type { RoundHeaderRow, RoundValuesService, SessionRowsService } from 'etbot/plugin-api';
import type { MapRounds } from './find-map-rounds';

export interface SessionMaps {
  sessionId: number;
  number: number;
  /** Local date of the start, `YYYY-MM-DD`. */
  date: string;
  /** In play order: a paired R1 and R2 together, an R1 left after R1 or an orphan R2 alone. */
  maps: MapRounds[];
}

/** A session (by number; the last one without) and its maps' rounds; null when there is no such session. */
export async function findSessionMaps(
  number: number | undefined,
  services: { sessionRows: SessionRowsService; values: RoundValuesService },
): Promise<SessionMaps | null> {
  const { sessionRows, values } = services;
  const sessionId = number === undefined ? await sessionRows.lastSessionId() : await sessionRows.sessionIdByNumber(number);
  if (sessionId === null) return null;
  const rows = await sessionRows.session(sessionId);
  if (!rows) return null;
  const groups: number[][] = [];
  const grouped = new Set<number>();
  for (const round of rows.rounds) {
    if (grouped.has(round.id)) continue;
    const ids = round.pairedRoundId === null ? [round.id] : [round.id, round.pairedRoundId];
    for (const id of ids) grouped.add(id);
    groups.push(ids);
  }
  const headers = new Map((await values.headers([...grouped])).map((h) => [h.roundId, h] as const));
  const maps = groups.map((ids) => {
    const pair = ids.map((id) => headers.get(id)).filter((h): h is RoundHeaderRow => h !== undefined);
    return { r1: pair.find((h) => h.roundNumber === 1) ?? null, r2: pair.find((h) => h.roundNumber === 2) ?? null };
  });
  return { sessionId, number: rows.session.number, date: rows.session.startLocal.slice(0, 10), maps: maps.filter((m) => m.r1 || m.r2) };
}
