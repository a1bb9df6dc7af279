import type { TeamHistory } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';
import { addResult, emptyRecord, type Record3 } from './record';

/** One session in which the two sides met (as opposite persistent teams). */
export interface Meeting {
  sessionNumber: number;
  date: string;
  /** Maps won 2-0 by the first side and by the second; draws. */
  mapsWon: number;
  mapsLost: number;
  mapsDrawn: number;
}

export interface HeadToHead {
  sessions: Record3;
  maps: Record3;
  /** Per map name, most played first. */
  byMap: { map: string; record: Record3 }[];
  /** Newest first, at most five. */
  lastMeetings: Meeting[];
}

/**
 * The first side's record against the second over the sessions where each was one persistent team
 * (`sides`: session id -> [first side's team, second side's team]). Maps count when their score is
 * known (spec §9 Score); a session is won on maps won.
 */
export function teamHeadToHead(history: TeamHistory, sides: ReadonlyMap<number, [TeamId, TeamId]>): HeadToHead {
  const sessions = emptyRecord();
  const maps = emptyRecord();
  const byMap = new Map<string, Record3>();
  const meetings = new Map<number, Meeting>();
  const numbers = new Map(history.sessions.map((s) => [s.sessionId, s]));
  for (const m of history.maps) {
    const pair = sides.get(m.sessionId);
    if (!pair || m.score === null) continue;
    const [mine, theirs] = [m.score[pair[0]], m.score[pair[1]]];
    addResult(maps, mine, theirs);
    const record = byMap.get(m.map) ?? emptyRecord();
    addResult(record, mine, theirs);
    byMap.set(m.map, record);
    const s = numbers.get(m.sessionId)!;
    const meeting = meetings.get(m.sessionId) ?? { sessionNumber: s.number, date: s.startLocal.slice(0, 10), mapsWon: 0, mapsLost: 0, mapsDrawn: 0 };
    if (mine > theirs) meeting.mapsWon++;
    else if (mine < theirs) meeting.mapsLost++;
    else meeting.mapsDrawn++;
    meetings.set(m.sessionId, meeting);
  }
  for (const meeting of meetings.values()) addResult(sessions, meeting.mapsWon, meeting.mapsLost);
  const played = (r: Record3) => r.won + r.lost + r.drawn;
  return {
    sessions,
    maps,
    byMap: [...byMap.entries()].map(([map, record]) => ({ map, record })).sort((a, b) => played(b.record) - played(a.record) || (a.map < b.map ? -1 : 1)),
    lastMeetings: [...meetings.values()].sort((a, b) => b.sessionNumber - a.sessionNumber).slice(0, 5),
  };
}
