/** Everything the last-session views and the announcer show about one gaming session. */

export type TeamId = 'A' | 'B';

/** How one round ended (spec §6 Outcome), with the stopwatch times as written. */
export interface RoundOutcome {
  /** true: the attackers succeeded; false: the defenders held; null: winnerteam 0 (unknown). */
  attackersSucceeded: boolean | null;
  /** R1: the time limit; R2: the time R1's attackers set (the time to beat). `M:SS`. */
  timeLimit: string;
  /** R1: the time the attackers set for R2 (equals timeLimit on a fullhold). `M:SS`. */
  timeSet: string | null;
  /** Persistent team that attacked in this round; null when nobody of a known team played it. */
  attackers: TeamId | null;
}

export interface MapResult {
  /** 1-based position in the session. */
  position: number;
  map: string;
  /** Local end time of the last round of this map, `YYYY-MM-DDTHH:MM:SS`. */
  endedAt: string;
  r1: RoundOutcome | null;
  r2: RoundOutcome | null;
  /** Stopwatch map score per persistent team (spec §6, §9 Score); null when unknown or unpaired. */
  score: Record<TeamId, number> | null;
  /** 'A' or 'B' won 2-0, 'draw' (1-1), null when unknown. */
  winner: TeamId | 'draw' | null;
  /** An R1 without R2 (map left early) or an orphan R2 (its R1 missing). */
  incomplete: 'no-r2' | 'orphan' | null;
}

export interface TeamMember {
  guid: string;
  name: string;
}

export interface SessionTeam {
  id: TeamId;
  members: TeamMember[];
  /** Maps this team won 2-0. */
  mapsWon: number;
}

/** One player's counted rows summed (spec §5, §9 Counting and Ratios). */
export interface PlayerSessionStats {
  guid: string;
  /** Display name (spec §7: latest clean name). */
  name: string;
  /** The same with colour codes (the charts strip them themselves). */
  rawName: string;
  team: TeamId | null;
  rounds: number;
  kills: number;
  deaths: number;
  kd: number;
  /** Null without time played. */
  dpm: number | null;
  hits: number;
  shots: number;
  /** 100 x hits / shots; null when no shots. */
  accuracy: number | null;
  headshots: number;
  /** 100 x head hits / hits; null when no hits. */
  headshotPercent: number | null;
  damageGiven: number;
  damageReceived: number;
  timePlayedSeconds: number;
  timeDeadSeconds: number;
  /** Null when no row's era has field 37. */
  revivesGiven: number | null;
  gibs: number;
  xp: number;
  /** Objectives stolen + returned + dynamites planted + defused. */
  objectives: number;
  /** The MVP formula's points (see mvp.ts). */
  mvpPoints: number;
}

export interface WeaponKillCount {
  weapon: number;
  name: string;
  kills: number;
  /** The player with most kills with it (ties: by name). */
  topPlayer: { name: string; kills: number } | null;
}

export interface SessionReport {
  sessionId: number;
  /** 1 = the first session ever (same numbering as `!sessions`). */
  number: number;
  serverId: string;
  serverName: string;
  /** Local date of the start, `YYYY-MM-DD`. */
  date: string;
  /** Local times of the first and last round's end (spec §9), `YYYY-MM-DDTHH:MM:SS`. */
  start: string;
  end: string;
  /** The same instants in UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  startUtc: string;
  endUtc: string;
  durationSeconds: number;
  /** Accepted round files, orphans included. */
  roundCount: number;
  /** Paired matches. */
  mapCount: number;
  maps: MapResult[];
  teams: [SessionTeam, SessionTeam];
  /** Maps per outcome: won by A, won by B, draws, unknown score. */
  score: { A: number; B: number; draws: number; unknown: number };
  /** Counted players, most MVP points first. */
  players: PlayerSessionStats[];
  weapons: WeaponKillCount[];
  mvp: PlayerSessionStats | null;
  /** Changes whenever a round of the session changes; use it in cache keys. */
  version: string;
}

export interface RoundPlayerLine {
  guid: string;
  name: string;
  team: TeamId | null;
  kills: number;
  deaths: number;
  damageGiven: number;
  mvpPoints: number;
}

export interface RoundReport {
  roundId: number;
  sessionId: number | null;
  serverId: string;
  map: string;
  roundNumber: number;
  /** Local end time `YYYY-MM-DDTHH:MM:SS`. */
  endedAt: string;
  endedAtUtc: string;
  fileName: string;
  /** Hash of the round file's content: equal for re-deliveries of the same file under any name. */
  contentHash: string;
  /** An R2 whose R1 is missing: its numbers cover both rounds and count nowhere. */
  orphan: boolean;
  outcome: RoundOutcome;
  /** Players with time in the round, most kills first (then damage, then name). */
  players: RoundPlayerLine[];
  mvp: RoundPlayerLine | null;
  /** After an R2 of a paired map: the map's result. */
  mapResult: MapResult | null;
}
