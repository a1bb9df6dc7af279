import { createServiceToken } from '../services';

/**
 * The stopwatch skill rating, provided by the `rating` plugin to the plugins that name it in
 * `dependsOn` or `optionalDependsOn`. Await `ready()` before reading to include every round
 * imported so far. Shown rating = 1000 + 40 x (mu - 3 sigma); uncertainty = 40 x sigma.
 */
export interface SkillRating {
  /** Waits until the ratings include every round imported so far (failures are logged, not thrown). */
  ready(): Promise<void>;
  /** Ranked players, best first (omni-bots and the second-attack pseudo-player left out). */
  leaderboard(options?: RatingLeaderboardOptions): Promise<RatingLeaderboard>;
  /** A player's row on the board with these options, or null when not ranked (too few maps). */
  rankOf(guid: string, options?: Omit<RatingLeaderboardOptions, 'offset' | 'limit'>): Promise<RatingLeaderboardRow | null>;
  /** A player's rating, recent maps and teammates (the starting rating when never rated). */
  player(guid: string): Promise<PlayerRatingSummary>;
  /** Predicted probability that the players of `team1` beat those of `team2` (GUIDs; unrated players count as new). */
  winProbability(team1: readonly string[], team2: readonly string[]): Promise<number>;
}

export interface RatingLeaderboardOptions {
  /** Only players with at least this many rated maps (default 10). */
  minMaps?: number;
  offset?: number;
  /** Default 10. */
  limit?: number;
  /** Bots (the core bot rule: OMNIBOT GUIDs, players.botNamePattern) are left out unless this is true; default players.includeBots. */
  includeBots?: boolean;
}

export interface RatingLeaderboardRow {
  /** 1-based, counting from the top of the whole board. */
  rank: number;
  guid: string;
  name: string;
  /** Shown rating: 1000 + 40 x (mu - 3 sigma). */
  rating: number;
  /** 40 x sigma. */
  uncertainty: number;
  mu: number;
  sigma: number;
  maps: number;
  wins: number;
  draws: number;
  losses: number;
}

export interface RatingLeaderboard {
  rows: RatingLeaderboardRow[];
  /** Players on the whole board (for page counts). */
  total: number;
}

/** 'W', 'D' or 'L' for the player's team. */
export type RatedMapResult = 'W' | 'D' | 'L';

export interface PlayerRatingValues {
  guid: string;
  mu: number;
  sigma: number;
  /** Maps rated. */
  maps: number;
  wins: number;
  draws: number;
  losses: number;
  lastEndedAtUtc: string | null;
}

export interface TeammateRecord {
  guid: string;
  name: string;
  /** Rated maps played on the same team. */
  maps: number;
  wins: number;
  draws: number;
  losses: number;
  /** (wins + draws / 2) / maps. */
  winShare: number;
}

export interface RecentMap {
  endedAtUtc: string;
  result: RatedMapResult;
  ratingBefore: number;
  ratingAfter: number;
}

export interface PlayerRatingSummary {
  rating: PlayerRatingValues;
  /** Shown rating. */
  shown: number;
  uncertainty: number;
  /** Oldest first, at most 10 maps. */
  recent: RecentMap[];
  /** Shown rating now minus before the oldest of `recent` (0 without maps). */
  trend: number;
  /** Most successful teammates first (at least 3 maps together). */
  bestTeammates: TeammateRecord[];
  /** Least successful first (never one of `bestTeammates`). */
  worstTeammates: TeammateRecord[];
}

export const RatingServices = {
  /** The `rating` plugin's skill rating (name `rating` in `dependsOn` / `optionalDependsOn`). */
  Rating: createServiceToken<SkillRating>('rating'),
} as const;
