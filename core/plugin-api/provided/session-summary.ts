import type { Embed } from '../reply';
import { createServiceToken } from '../services';

/** Escapes text that came from stats files (names, maps) for the transport's markdown. */
export type EscapeText = (text: string) => string;

/** What consumers read of a round's summary. Pass the object itself back to `roundEmbed`. */
export interface SummarizedRound {
  roundId: number;
  /** Null while the round belongs to no gaming session. */
  sessionId: number | null;
  serverId: string;
  map: string;
  roundNumber: number;
  /** Local end time `YYYY-MM-DDTHH:MM:SS`. */
  endedAt: string;
  endedAtUtc: string;
  /** Hash of the round file's content: equal for re-deliveries of the same file under any name. */
  contentHash: string;
  /** An R2 whose R1 is missing: its numbers cover both rounds and count nowhere. */
  orphan: boolean;
}

/** What consumers read of a session's summary. Pass the object itself back to the builders. */
export interface SummarizedSession {
  sessionId: number;
  /** 1 = the first session ever (the numbering `!sessions` shows). */
  number: number;
  serverId: string;
  /** Local date of the start, `YYYY-MM-DD`. */
  date: string;
  startUtc: string;
  endUtc: string;
}

export interface SessionOverviewOptions {
  title?: string;
  /** File name of the attached six-graph image. */
  image?: string;
  /** Command prefix for the footer's hint of `!last_session`'s sub-views. */
  prefix?: string;
}

/**
 * Session and round summaries (maps, outcomes, score, teams, players, MVP, six graphs), provided
 * by the `last-session` plugin: name it in `dependsOn` to use them.
 */
export interface SessionSummaryService {
  /** The most recent session, or null on an empty database. */
  lastSession(): Promise<SummarizedSession | null>;
  session(sessionId: number): Promise<SummarizedSession | null>;
  /** The latest round (any server), or null on an empty database. */
  lastRound(): Promise<SummarizedRound | null>;
  round(roundId: number): Promise<SummarizedRound | null>;
  /** The six-graph PNG (1800 x 1500); rejects when the charts cannot draw it. */
  renderImage(session: SummarizedSession): Promise<Buffer>;
  /** The round post of `!last_round` and the announcer: outcome, top fraggers, MVP, map result. */
  roundEmbed(round: SummarizedRound, escape: EscapeText, title?: string): Embed;
  /** The overview of `!last_session` and the announcer: when, maps, score, teams, players, MVP. */
  sessionOverviewEmbed(session: SummarizedSession, escape: EscapeText, options?: SessionOverviewOptions): Embed;
  /** Why the MVP is the MVP (`!why mvp`): the formula, the top players' points by term, the runner-up. Plain text lines. */
  explainMvp(session: SummarizedSession): { title: string; lines: string[] };

  // --- The session story (issue 22) ---
  /** One of `!last_session`'s per-player views as its embed page (fields the era's files lack are named in the footer). */
  statViewEmbed(session: SummarizedSession, view: SessionStatView, escape: EscapeText): Promise<Embed>;
  /** Each player's DPM, K/D and running DPM round by round. */
  timeline(session: SummarizedSession): Promise<SessionTimeline>;
  /** The timeline PNG (1400 x 900); `highlightGuid`'s line is drawn in white. Rejects when the charts cannot draw it. */
  renderTimeline(session: SummarizedSession, highlightGuid?: string | null): Promise<Buffer>;
  /** The names of the session's teams A and B (given by an admin or kept from an earlier session). */
  teamNames(session: SummarizedSession): Promise<Partial<Record<'A' | 'B', SessionTeamName>>>;
  /** Two team names' record against each other over all sessions; null when a name is no team's. */
  teamHeadToHead(firstTeam: string, secondTeam: string): Promise<HeadToHeadRecord | null>;
  /** Two players (GUIDs) against each other and on the same side, over all sessions. */
  playersHeadToHead(firstGuid: string, secondGuid: string): Promise<PlayersHeadToHeadRecord>;
}

export type SessionStatView = 'objectives' | 'support' | 'sprees' | 'combat' | 'time';

export interface SessionTimeline {
  /** Rounds that count in totals, in play order. */
  rounds: { roundId: number; map: string; roundNumber: number }[];
  /** Most session DPM first; per-round arrays follow `rounds` (null: did not play it). */
  players: {
    guid: string;
    name: string;
    team: 'A' | 'B' | null;
    sessionDpm: number | null;
    dpm: (number | null)[];
    kd: (number | null)[];
    /** DPM over the rounds played so far (from running sums). */
    form: (number | null)[];
  }[];
}

export interface SessionTeamName {
  name: string;
  /** `set` by an admin in this session, or `carried` from an earlier one. */
  source: 'set' | 'carried';
  fromSessionNumber: number;
  /** Carried: the share of players in common (0..1). */
  share: number | null;
}

export interface WonLostDrawn {
  won: number;
  lost: number;
  drawn: number;
}

export interface HeadToHeadRecord {
  sessions: WonLostDrawn;
  maps: WonLostDrawn;
  byMap: { map: string; record: WonLostDrawn }[];
  /** Newest first, at most five. */
  lastMeetings: { sessionNumber: number; date: string; mapsWon: number; mapsLost: number; mapsDrawn: number }[];
}

export interface PlayersHeadToHeadRecord {
  against: HeadToHeadRecord;
  together: { maps: WonLostDrawn; byMap: { map: string; record: WonLostDrawn }[] };
}

export const LastSessionServices = {
  SessionSummary: createServiceToken<SessionSummaryService>('last-session.session-summary'),
} as const;
