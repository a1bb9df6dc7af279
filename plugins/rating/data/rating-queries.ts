import {
  num,
  type PlayerRatingSummary,
  type RatingLeaderboard,
  type RatingLeaderboardOptions,
  type RatingLeaderboardRow,
  type PluginStorage,
  type ResultPlayer,
  type Sql,
  type TeammateRecord,
} from 'etbot/plugin-api';
import { fresh, SECOND_ATTACK_KEY, type MapResult, type PlayerRating } from '../model/ledger';
import { conservativeSkill, displayRating, displayUncertainty } from '../model/scale';
import type { RatingParams } from '../model/weng-lin';
import { playerFromRow } from './rating-store';

/** Names and bot flags of players (QueryServices.MatchResults); unknown GUIDs are left out. */
export type PlayerDirectory = (guids: readonly string[]) => Promise<ResultPlayer[]>;

const PLAYER_COLUMNS = 'guid, mu, sigma, maps, wins, draws, losses, last_ended_at_utc, perf_sum, perf_weight, objective_sum';

export async function leaderboard(storage: PluginStorage, directory: PlayerDirectory, options: RatingLeaderboardOptions = {}): Promise<RatingLeaderboard> {
  const minMaps = options.minMaps ?? 10;
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const ranked = await storage.read(async (sql) =>
    (await sql.all(`SELECT ${PLAYER_COLUMNS} FROM rating_players WHERE maps >= ? AND guid <> ?`, [minMaps, SECOND_ATTACK_KEY])).map(playerFromRow),
  );
  const known = await namesOf(
    directory,
    ranked.map((p) => p.guid),
  );
  const board = ranked.filter((p) => options.includeBots || !known.get(p.guid)?.isBot).sort(byConservativeSkill);
  return {
    total: board.length,
    rows: board.slice(offset, offset + limit).map((p, i) => ({
      rank: offset + i + 1,
      guid: p.guid,
      name: known.get(p.guid)?.name ?? p.guid,
      rating: displayRating(p.mu, p.sigma),
      uncertainty: displayUncertainty(p.sigma),
      mu: p.mu,
      sigma: p.sigma,
      maps: p.maps,
      wins: p.wins,
      draws: p.draws,
      losses: p.losses,
    })),
  };
}

/** One player's row on the board with these options (null when not ranked, e.g. too few maps). */
export async function rankOf(
  storage: PluginStorage,
  directory: PlayerDirectory,
  guid: string,
  options: Omit<RatingLeaderboardOptions, 'offset' | 'limit'> = {},
): Promise<RatingLeaderboardRow | null> {
  const board = await leaderboard(storage, directory, { ...options, offset: 0, limit: 1_000_000 });
  return board.rows.find((r) => r.guid === guid) ?? null;
}

/** Best first: mu - 3 sigma descending, then the GUID's bytes (as the board always sorted). */
function byConservativeSkill(x: PlayerRating, y: PlayerRating): number {
  const a = conservativeSkill(x.mu, x.sigma);
  const b = conservativeSkill(y.mu, y.sigma);
  return a > b ? -1 : a < b ? 1 : Buffer.compare(Buffer.from(x.guid), Buffer.from(y.guid));
}

async function namesOf(directory: PlayerDirectory, guids: readonly string[]): Promise<Map<string, ResultPlayer>> {
  return new Map(guids.length === 0 ? [] : (await directory(guids)).map((p) => [p.guid, p]));
}

/** Current ratings of these players; a player never rated gets the starting rating. */
export async function ratingsOf(sql: Sql, guids: readonly string[], params: RatingParams): Promise<Map<string, PlayerRating>> {
  const out = new Map<string, PlayerRating>();
  if (guids.length > 0) {
    const rows = await sql.all(`SELECT ${PLAYER_COLUMNS} FROM rating_players WHERE guid IN (${guids.map(() => '?').join(', ')})`, [...guids]);
    for (const r of rows) out.set(String(r.guid), playerFromRow(r));
  }
  for (const g of guids) if (!out.has(g)) out.set(g, fresh(g, params));
  return out;
}

/** The learnt advantage of attacking second (mu 0 before any map). */
export async function secondAttackAdvantage(sql: Sql, params: RatingParams): Promise<PlayerRating> {
  const row = await sql.one(`SELECT ${PLAYER_COLUMNS} FROM rating_players WHERE guid = ?`, [SECOND_ATTACK_KEY]);
  return row ? playerFromRow(row) : { ...fresh(SECOND_ATTACK_KEY, params), mu: 0 };
}

export async function playerSummary(
  storage: PluginStorage,
  directory: PlayerDirectory,
  guid: string,
  params: RatingParams,
  options: { recent?: number; minShared?: number; teammates?: number } = {},
): Promise<PlayerRatingSummary> {
  const { rating, recentRows, sharedMaps } = await storage.read(async (sql) => ({
    rating: (await ratingsOf(sql, [guid], params)).get(guid)!,
    recentRows: await sql.all(
      `SELECT seq, ended_at_utc, result, mu_before, sigma_before, mu, sigma FROM rating_history WHERE guid = ? ORDER BY seq DESC LIMIT ?`,
      [guid, options.recent ?? 10],
    ),
    sharedMaps: await teammateCounts(sql, guid),
  }));
  const recent = recentRows.reverse().map((r) => ({
    endedAtUtc: String(r.ended_at_utc),
    result: String(r.result) as MapResult,
    ratingBefore: displayRating(num(r.mu_before), num(r.sigma_before)),
    ratingAfter: displayRating(num(r.mu), num(r.sigma)),
  }));
  const shown = displayRating(rating.mu, rating.sigma);
  const mates = await teammates(directory, sharedMaps, options.minShared ?? 3);
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

interface SharedMaps {
  guid: string;
  maps: number;
  wins: number;
  draws: number;
}

/** Rated maps `guid` played on the same team as each other player, with the results. */
async function teammateCounts(sql: Sql, guid: string): Promise<SharedMaps[]> {
  const rows = await sql.all(
    `SELECT o.guid, COUNT(*) AS maps,
            SUM(CASE WHEN h.result = 'W' THEN 1 ELSE 0 END) AS wins,
            SUM(CASE WHEN h.result = 'D' THEN 1 ELSE 0 END) AS draws
       FROM rating_history h
       JOIN rating_history o ON o.seq = h.seq AND o.side = h.side AND o.guid <> h.guid
      WHERE h.guid = ?
      GROUP BY o.guid`,
    [guid],
  );
  return rows.map((r) => ({ guid: String(r.guid), maps: num(r.maps), wins: num(r.wins), draws: num(r.draws) }));
}

/** Everyone with at least `minShared` rated maps on the same team, named. */
async function teammates(directory: PlayerDirectory, shared: readonly SharedMaps[], minShared: number): Promise<TeammateRecord[]> {
  const enough = shared.filter((t) => t.maps >= minShared);
  const known = await namesOf(
    directory,
    enough.map((t) => t.guid),
  );
  return enough.map(({ guid, maps, wins, draws }) => ({
    guid,
    name: known.get(guid)?.name ?? guid,
    maps,
    wins,
    draws,
    losses: maps - wins - draws,
    winShare: (wins + draws / 2) / maps,
  }));
}

function byName(x: TeammateRecord, y: TeammateRecord): number {
  const a = x.name.toLowerCase();
  const b = y.name.toLowerCase();
  return a < b ? -1 : a > b ? 1 : x.guid < y.guid ? -1 : x.guid > y.guid ? 1 : 0;
}
