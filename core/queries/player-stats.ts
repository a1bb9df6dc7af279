import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { num, Sql } from '../data/sql';
import { byRoundsThenMap, sidesSelect, toMapSums, toMapTotals, type MapSums } from './map-sums';
import { toWeaponList, type MapSeen } from './player-detail-sums';
import { windowCondition, windowKey, ALL_TIME, type TimeWindow } from './time-window';
import { toTotals, totalsSelect } from './totals';
import type { AllTimeTotals } from './all-time-totals';
import type { MapTotals, PlayerProfile, PlayerRef, PlayerSummary, WeaponTotals } from './types';

/** A map's rounds with the first and last round (what the summary and the favourite map need). */
type MapRounds = Pick<MapSeen, 'map' | 'rounds' | 'firstSeen' | 'lastSeen'>;

/** One player's totals, weapons, maps and names. Every answer is cached until the next import. */
export class PlayerStatsService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
    /** All-time totals kept in memory (leaderboards build them); all-time summaries read them. */
    private readonly allTime?: AllTimeTotals,
  ) {}

  summary(player: PlayerRef, window: TimeWindow = ALL_TIME): Promise<PlayerSummary> {
    return this.cache.wrap(`summary:${player.guid}:${windowKey(window)}`, async () => {
      const kept = window.kind === 'all' && this.allTime ? await this.allTime.playerTotals(player.guid) : 'not-built';
      if (kept !== 'not-built') {
        const seen = await this.allTimeMaps(player);
        const firsts = seen.map((r) => r.firstSeen).sort();
        const lasts = seen.map((r) => r.lastSeen).sort();
        return {
          player,
          totals: kept ? kept.totals : toTotals({}),
          firstSeen: firsts[0] ?? null,
          lastSeen: lasts[lasts.length - 1] ?? null,
        };
      }
      const rows = await this.perMap(player, window);
      const firsts = rows.map((r) => String(r.first_seen)).sort();
      const lasts = rows.map((r) => String(r.last_seen)).sort();
      return {
        player,
        totals: toTotals(sumRows(rows)),
        firstSeen: firsts[0] ?? null,
        lastSeen: lasts[lasts.length - 1] ?? null,
      };
    });
  }

  /** All-time rounds, first and last round per map: from memory once the all-time totals are built. */
  private async allTimeMaps(player: PlayerRef): Promise<MapRounds[]> {
    const kept = this.allTime ? await this.allTime.playerDetail(player.guid) : 'not-built';
    return kept === 'not-built' ? this.mapRounds(player) : kept.maps;
  }

  /**
   * Rounds, first and last round per map (all time) without reading the wide player rows: the
   * player's round ids from the index (guid, in_totals, round_id), then those rounds by primary key.
   * Two steps on purpose: as one join, PostgreSQL hashes the whole rounds table.
   */
  private mapRounds(player: PlayerRef): Promise<MapRounds[]> {
    return this.cache.wrap(`map-rounds:${player.guid}`, () =>
      this.db.read(async (sql) => {
        const ids = (await sql.all<{ round_id: number }>('SELECT round_id FROM player_rounds WHERE guid = ? AND in_totals = TRUE', [player.guid])).map((r) =>
          num(r.round_id),
        );
        const byMap = new Map<string, MapRounds>();
        for (let i = 0; i < ids.length; i += 5000) {
          const chunk = ids.slice(i, i + 5000);
          const rows = await sql.all(
            `SELECT map, COUNT(*) AS rounds, MIN(ended_at_local) AS first_seen, MAX(ended_at_local) AS last_seen
               FROM rounds WHERE id IN ${Sql.list(chunk)} GROUP BY map`,
            chunk,
          );
          for (const r of rows) {
            const map = String(r.map);
            const seen = byMap.get(map);
            const first = String(r.first_seen);
            const last = String(r.last_seen);
            if (!seen) byMap.set(map, { map, rounds: num(r.rounds), firstSeen: first, lastSeen: last });
            else {
              seen.rounds += num(r.rounds);
              if (first < seen.firstSeen) seen.firstSeen = first;
              if (last > seen.lastSeen) seen.lastSeen = last;
            }
          }
        }
        return [...byMap.values()];
      }),
    );
  }

  /**
   * The heavy query of `!stats` over a window (and of `!maps`): the player's rows summed per map (every §5 sum, wins, first
   * and last round). Totals add the maps' sums up; `maps()` reads it as it is.
   */
  private perMap(player: PlayerRef, window: TimeWindow): Promise<Record<string, unknown>[]> {
    return this.cache.wrap(`per-map:${player.guid}:${windowKey(window)}`, () =>
      this.db.read(async (sql) => {
        const w = windowCondition(window);
        return sql.all(
          `SELECT r.map AS map, ${totalsSelect()}, ${sidesSelect()},
                  MIN(r.ended_at_local) AS first_seen, MAX(r.ended_at_local) AS last_seen
             FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id
            WHERE pr.guid = ? AND pr.in_totals = TRUE${w.sql}
            GROUP BY r.map`,
          [player.guid, ...w.params],
        );
      }),
    );
  }

  /** Per weapon with any activity, most kills first. */
  weapons(player: PlayerRef, window: TimeWindow = ALL_TIME): Promise<WeaponTotals[]> {
    return this.cache.wrap(`weapons:${player.guid}:${windowKey(window)}`, async () => {
      const kept = window.kind === 'all' && this.allTime ? await this.allTime.playerDetail(player.guid) : 'not-built';
      if (kept !== 'not-built') return kept.weapons.map((w) => ({ ...w }));
      return this.weaponsFromRows(player, window);
    });
  }

  /** The player's weapon rows summed per weapon (over a window, or all time before the totals are built). */
  private weaponsFromRows(player: PlayerRef, window: TimeWindow): Promise<WeaponTotals[]> {
    return this.db.read(async (sql) => {
      if (window.kind === 'all' && sql.kind === 'sqlite') {
        // SQLite's covering index by player (ix_weapon_rounds_player_sums): 0.1 s for a player with
        // 67,000 rounds, where the way through the player rows below takes 2.2 s.
        const rows = await sql.all(
          `SELECT wr.weapon, SUM(wr.kills) AS kills, SUM(wr.deaths) AS deaths, SUM(wr.hits) AS hits,
                  SUM(wr.shots) AS shots, SUM(wr.headshots) AS headshots
             FROM weapon_rounds wr WHERE wr.guid = ? AND wr.in_totals = TRUE GROUP BY wr.weapon`,
          [player.guid],
        );
        return toWeaponList(rows);
      }
      const w = windowCondition(window);
      const join = window.kind === 'all' ? '' : ' JOIN rounds r ON r.id = pr.round_id';
      // The player's rows lead to their weapon rows (PostgreSQL has no index of weapon_rounds by player).
      const rows = await sql.all(
        `SELECT wr.weapon, SUM(wr.kills) AS kills, SUM(wr.deaths) AS deaths, SUM(wr.hits) AS hits,
                SUM(wr.shots) AS shots, SUM(wr.headshots) AS headshots
           FROM player_rounds pr JOIN weapon_rounds wr ON wr.round_id = pr.round_id AND wr.guid = pr.guid${join}
          WHERE pr.guid = ? AND pr.in_totals = TRUE AND wr.in_totals = TRUE${w.sql}
          GROUP BY wr.weapon`,
        [player.guid, ...w.params],
      );
      return toWeaponList(rows);
    });
  }

  /** Per map, most rounds first. */
  async maps(player: PlayerRef, window: TimeWindow = ALL_TIME): Promise<MapTotals[]> {
    return (await this.mapSums(player, window)).map(toMapTotals).sort(byRoundsThenMap);
  }

  /** All time from memory once the all-time totals are built, else (and over a window) the per-map query. */
  private async mapSums(player: PlayerRef, window: TimeWindow): Promise<MapSums[]> {
    const kept = window.kind === 'all' && this.allTime ? await this.allTime.playerDetail(player.guid) : 'not-built';
    if (kept !== 'not-built') return kept.maps;
    return (await this.perMap(player, window)).map(toMapSums);
  }

  /** Other clean names of the GUID, most recently used first. */
  otherNames(player: PlayerRef): Promise<string[]> {
    return this.cache.wrap(`aliases:${player.guid}`, () =>
      this.db.read(async (sql) => {
        const rows = await sql.all<{ clean_name: string }>(
          'SELECT clean_name FROM player_aliases WHERE guid = ? AND clean_name <> ? ORDER BY last_seen_utc DESC, clean_name',
          [player.guid, player.name],
        );
        return rows.map((r) => r.clean_name);
      }),
    );
  }

  /** Everything `!stats` shows. */
  profile(player: PlayerRef, window: TimeWindow = ALL_TIME): Promise<PlayerProfile> {
    return this.cache.wrap(`profile:${player.guid}:${windowKey(window)}`, async () => {
      const [summary, weapons, otherNames] = await Promise.all([this.summary(player, window), this.weapons(player, window), this.otherNames(player)]);
      const maps = window.kind === 'all' ? await this.allTimeMaps(player) : await this.maps(player, window);
      const top = [...maps].sort(byRoundsThenMap)[0];
      return {
        ...summary,
        topWeapons: weapons.filter((w) => w.kills > 0).slice(0, 3),
        favouriteMap: top ? { map: top.map, rounds: top.rounds } : null,
        otherNames,
      };
    });
  }
}

/** Adds aggregate rows column by column; a column null in every row stays null (spec §9 revivesGiven). */
function sumRows(rows: Record<string, unknown>[]): Record<string, unknown> {
  const total: Record<string, number | null> = {};
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'map' || key === 'first_seen' || key === 'last_seen') continue;
      const v = num(value, true);
      if (v === null) {
        if (!(key in total)) total[key] = null;
      } else total[key] = (total[key] ?? 0) + v;
    }
  }
  return total;
}
