import { num, type Sql } from '../data/sql';
import { playerFromRow } from './data/rating-store';
import { fresh, SECOND_ATTACK_KEY, type MapResult, type PlayerRating } from './ledger';
import { displayRating, displayUncertainty } from './scale';
import type { RatingParams } from './weng-lin';

export interface RatingLeaderboardOptions {
  /** Only players with at least this many rated maps (default 10). */
  minMaps?: number;
  offset?: number;
  /** Default 10. */
  limit?: number;
  /** Omni-bots are left out unless this is true. */
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
  result: MapResult;
  ratingBefore: number;
  ratingAfter: number;
}

export interface PlayerRatingSummary {
  rating: PlayerRating;
  shown: number;
  uncertainty: number;
  /** Oldest first, at most `recent` maps. */
  recent: RecentMap[];
  /** Shown rating now minus before the oldest of `recent` (0 without maps). */
  trend: number;
  /** Most successful teammates first (at least `minShared` maps together). */
  bestTeammates: TeammateRecord[];
  /** Least successful first (never one of `bestTeammates`). */
  worstTeammates: TeammateRecord[];
}

export async function leaderboard(sql: Sql, options: RatingLeaderboardOptions = {}): Promise<RatingLeaderboard> {
  const minMaps = options.minMaps ?? 10;
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const bots = options.includeBots ? '' : 'AND (p.is_bot IS NULL OR p.is_bot = FALSE)';
  const from = `FROM rating_players r LEFT JOIN players p ON p.guid = r.guid WHERE r.maps >= ? AND r.guid <> ? ${bots}`;
  const total = num((await sql.one(`SELECT COUNT(*) AS n ${from}`, [minMaps, SECOND_ATTACK_KEY]))?.n);
  const rows = await sql.all(
    `SELECT r.guid, p.name, r.mu, r.sigma, r.maps, r.wins, r.draws, r.losses, r.last_ended_at_utc ${from}
      ORDER BY (r.mu - 3 * r.sigma) DESC, ${sql.bytewise('r.guid')} LIMIT ? OFFSET ?`,
    [minMaps, SECOND_ATTACK_KEY, limit, offset],
  );
  return {
    total,
    rows: rows.map((r, i) => {
      const p = playerFromRow(r);
      return {
        rank: offset + i + 1,
        guid: p.guid,
        name: r.name === null || r.name === undefined ? p.guid : String(r.name),
        rating: displayRating(p.mu, p.sigma),
        uncertainty: displayUncertainty(p.sigma),
        mu: p.mu,
        sigma: p.sigma,
        maps: p.maps,
        wins: p.wins,
        draws: p.draws,
        losses: p.losses,
      };
    }),
  };
}

/** One player's row on the board with these options (null when not ranked, e.g. too few maps). */
export async function rankOf(sql: Sql, guid: string, options: Omit<RatingLeaderboardOptions, 'offset' | 'limit'> = {}): Promise<RatingLeaderboardRow | null> {
  const board = await leaderboard(sql, { ...options, offset: 0, limit: 1_000_000 });
  return board.rows.find((r) => r.guid === guid) ?? null;
}

/** Current ratings of these players; a player never rated gets the starting rating. */
export async function ratingsOf(sql: Sql, guids: readonly string[], params: RatingParams): Promise<Map<string, PlayerRating>> {
  const out = new Map<string, PlayerRating>();
  if (guids.length > 0) {
    const rows = await sql.all(`SELECT guid, mu, sigma, maps, wins, draws, losses, last_ended_at_utc FROM rating_players WHERE guid IN (${guids.map(() => '?').join(', ')})`, [...guids]);
    for (const r of rows) out.set(String(r.guid), playerFromRow(r));
  }
  for (const g of guids) if (!out.has(g)) out.set(g, fresh(g, params));
  return out;
}

/** The learnt advantage of attacking second (mu 0 before any map). */
export async function secondAttackAdvantage(sql: Sql, params: RatingParams): Promise<PlayerRating> {
  const row = await sql.one('SELECT guid, mu, sigma, maps, wins, draws, losses, last_ended_at_utc FROM rating_players WHERE guid = ?', [SECOND_ATTACK_KEY]);
  return row ? playerFromRow(row) : { ...fresh(SECOND_ATTACK_KEY, params), mu: 0 };
}

export async function playerSummary(
  sql: Sql,
  guid: string,
  params: RatingParams,
  options: { recent?: number; minShared?: number; teammates?: number } = {},
): Promise<PlayerRatingSummary> {
  const rating = (await ratingsOf(sql, [guid], params)).get(guid)!;
  const recentRows = await sql.all(
    `SELECT seq, ended_at_utc, result, mu_before, sigma_before, mu, sigma FROM rating_history WHERE guid = ? ORDER BY seq DESC LIMIT ?`,
    [guid, options.recent ?? 10],
  );
  const recent = recentRows.reverse().map((r) => ({
    endedAtUtc: String(r.ended_at_utc),
    result: String(r.result) as MapResult,
    ratingBefore: displayRating(num(r.mu_before), num(r.sigma_before)),
    ratingAfter: displayRating(num(r.mu), num(r.sigma)),
  }));
  const shown = displayRating(rating.mu, rating.sigma);
  const mates = await teammates(sql, guid, options.minShared ?? 3);
  const count = options.teammates ?? 3;
  const best = [...mates].sort((x, y) => y.winShare - x.winShare || y.wins - x.wins || byName(x, y)).slice(0, count);
  const worst = mates
    .filter((m) => !best.includes(m))
    .sort((x, y) => x.winShare - y.winShare || y.losses - x.losses || byName(x, y))
    .slice(0, count);
  return {
    rating,
    shown,
    uncertainty: displayUncertainty(rating.sigma),
    recent,
    trend: recent.length > 0 ? shown - recent[0]!.ratingBefore : 0,
    bestTeammates: best,
    worstTeammates: worst,
  };
}

/** Everyone who played at least `minShared` rated maps on the same team as `guid`. */
export async function teammates(sql: Sql, guid: string, minShared: number): Promise<TeammateRecord[]> {
  const rows = await sql.all(
    `SELECT o.guid, p.name, COUNT(*) AS maps,
            SUM(CASE WHEN h.result = 'W' THEN 1 ELSE 0 END) AS wins,
            SUM(CASE WHEN h.result = 'D' THEN 1 ELSE 0 END) AS draws
       FROM rating_history h
       JOIN rating_history o ON o.seq = h.seq AND o.side = h.side AND o.guid <> h.guid
       LEFT JOIN players p ON p.guid = o.guid
      WHERE h.guid = ?
      GROUP BY o.guid, p.name`,
    [guid],
  );
  return rows
    .map((r) => {
      const maps = num(r.maps);
      const wins = num(r.wins);
      const draws = num(r.draws);
      return {
        guid: String(r.guid),
        name: r.name === null || r.name === undefined ? String(r.guid) : String(r.name),
        maps,
        wins,
        draws,
        losses: maps - wins - draws,
        winShare: (wins + draws / 2) / maps,
      };
    })
    .filter((t) => t.maps >= minShared);
}

function byName(x: TeammateRecord, y: TeammateRecord): number {
  const a = x.name.toLowerCase();
  const b = y.name.toLowerCase();
  return a < b ? -1 : a > b ? 1 : x.guid < y.guid ? -1 : x.guid > y.guid ? 1 : 0;
}
