import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { byName } from './player-lookup';
import { findLeaderboardStat, type LeaderboardStat, type LeaderboardStatKey } from './leaderboard-stats';
import { windowCondition, windowKey, ALL_TIME, type TimeWindow } from './time-window';
import { toTotals, totalsSelect, type Totals } from './totals';
import type { PlayerRef } from './types';
import type { AllTimeTotals } from './all-time-totals';
import { BotRule } from './bots';

export interface PlayerTotalsRow {
  player: PlayerRef;
  totals: Totals;
}

export interface LeaderboardEntry {
  /** Competition ranking: equal values share a rank (1, 2, 2, 4). */
  rank: number;
  player: PlayerRef;
  value: number;
  totals: Totals;
}

export interface Leaderboard {
  stat: LeaderboardStat;
  window: TimeWindow;
  minRounds: number;
  /** Every ranked player, best first. Page it in the caller. */
  entries: LeaderboardEntry[];
  /** Players with a counted round in the window who are not on the board, by reason (an empty board says why). */
  unranked: UnrankedCounts;
}

export interface UnrankedCounts {
  /** Bots, left out by the bot rule (players.includeBots off). */
  bots: number;
  /** Fewer rounds than the minimum. */
  belowMinimum: number;
  /** No value for the stat: their files lack the field (revives before 2025-10) or the ratio has no base (no shots). */
  withoutValue: number;
}

export interface LeaderboardOptions {
  window?: TimeWindow;
  /** Default: the stat's own minimum. */
  minRounds?: number;
}

/**
 * Leaderboards. One aggregate query per time window gives every player's totals (cached); each
 * board ranks those in memory with the same Totals `!stats` shows, so a board and a player's
 * stats never disagree.
 */
export class LeaderboardService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
    /** All-time totals kept in memory across imports; without it every board aggregates. */
    private readonly allTime?: AllTimeTotals,
    private readonly bots: BotRule = new BotRule(),
  ) {}

  /** Totals of every ranked player (bots left out unless players.includeBots) with a counted round in the window. */
  async allTotals(window: TimeWindow = ALL_TIME): Promise<PlayerTotalsRow[]> {
    return (await this.everyPlayersTotals(window)).filter((row) => !this.bots.leftOut(row.player));
  }

  /** Totals of every player, bots included, with a counted round in the window. */
  everyPlayersTotals(window: TimeWindow = ALL_TIME): Promise<PlayerTotalsRow[]> {
    if (window.kind === 'all' && this.allTime) return this.cache.wrap('all-totals:all', () => this.allTime!.rows());
    return this.cache.wrap(`all-totals:${windowKey(window)}`, () =>
      this.db.read(async (sql) => {
        const w = windowCondition(window);
        // A window starts from the rounds in it (indexed by time), then their player rows.
        const from = window.kind === 'all' ? 'player_rounds pr' : 'rounds r JOIN player_rounds pr ON pr.round_id = r.id';
        const rows = await sql.all(
          `SELECT t.*, p.name AS player_name FROM (
             SELECT pr.guid AS guid, ${totalsSelect()}
               FROM ${from}
              WHERE pr.in_totals = TRUE${w.sql}
              GROUP BY pr.guid
           ) t JOIN players p ON p.guid = t.guid`,
          w.params,
        );
        return rows.map((row) => ({ player: { guid: String(row.guid), name: String(row.player_name) }, totals: toTotals(row) }));
      }),
    );
  }

  board(stat: LeaderboardStatKey | LeaderboardStat, options: LeaderboardOptions = {}): Promise<Leaderboard> {
    const def = typeof stat === 'string' ? findLeaderboardStat(stat) : stat;
    if (!def) throw new Error(`no leaderboard stat '${String(stat)}'`);
    const window = options.window ?? ALL_TIME;
    const minRounds = Math.max(1, options.minRounds ?? def.minRounds);
    return this.cache.wrap(`board:${def.key}:${minRounds}:${windowKey(window)}`, async () => {
      const everyone = await this.everyPlayersTotals(window);
      const all = everyone.filter((row) => !this.bots.leftOut(row.player));
      const experienced = all.filter((row) => row.totals.rounds >= minRounds);
      const valued = experienced
        .map((row) => ({ ...row, value: def.value(row.totals) }))
        .filter((row): row is PlayerTotalsRow & { value: number } => row.value !== null);
      const unranked = { bots: everyone.length - all.length, belowMinimum: all.length - experienced.length, withoutValue: experienced.length - valued.length };
      const ranked = valued.sort((a, b) => (def.order === 'desc' ? b.value - a.value : a.value - b.value) || byName(a.player, b.player));
      const entries: LeaderboardEntry[] = [];
      ranked.forEach((row, i) => {
        const previous = entries[i - 1];
        const rank = previous && previous.value === row.value ? previous.rank : i + 1;
        entries.push({ rank, player: row.player, value: row.value, totals: row.totals });
      });
      return { stat: def, window, minRounds, entries, unranked };
    });
  }
}
