import { num, type Database, type Sql, type SqlValue } from 'etbot/plugin-api';
import { computeStreaks, type PlayerRoundRow } from './compute';
import { PlayerStreak } from './player-streak';

const TABLE = 'streaks_player_streaks';
const COLUMNS = ['guid', 'name', 'rounds', 'min_kd', 'longest_run', 'longest_from', 'longest_to', 'current_run', 'best_spree', 'best_spree_at', 'updated_at'];

interface RoundRow {
  guid: string;
  name: string;
  kills: unknown;
  deaths: unknown;
  spree: unknown;
  map: string;
  round_number: unknown;
  ended_at_local: string;
}

/** Reads counted rounds from the core tables and keeps the plugin's table up to date. */
export class StreakStore {
  constructor(
    private readonly db: Database,
    private readonly minKd: number,
    private readonly now: () => number,
  ) {}

  /** Recomputes every player and removes rows of players who no longer have a counted round. */
  async recomputeAll(): Promise<number> {
    return this.db.transaction(async (sql) => {
      const byGuid = await this.roundsOf(sql, null);
      await sql.run(`DELETE FROM ${TABLE}`);
      await sql.insertMany(TABLE, COLUMNS, [...byGuid].map(([guid, rows]) => this.toRow(guid, rows)));
      return byGuid.size;
    });
  }

  /** Recomputes the players who played in these rounds. */
  async recomputeRounds(roundIds: readonly number[]): Promise<string[]> {
    if (roundIds.length === 0) return [];
    return this.db.transaction(async (sql) => {
      const ids = roundIds.map(() => '?').join(', ');
      const guids = (await sql.all<{ guid: string }>(`SELECT DISTINCT guid FROM player_rounds WHERE round_id IN (${ids})`, [...roundIds])).map((r) => r.guid);
      await this.replace(sql, guids);
      return guids;
    });
  }

  /** A player's streaks, computed now if the table does not have them (or has another threshold). */
  async get(guid: string): Promise<PlayerStreak | null> {
    const stored = await this.db.read(() => this.db.dataSource.getRepository(PlayerStreak).findOneBy({ guid }));
    if (stored && stored.minKd === this.minKd) return stored;
    await this.db.transaction((sql) => this.replace(sql, [guid]));
    return this.db.read(() => this.db.dataSource.getRepository(PlayerStreak).findOneBy({ guid }));
  }

  /** Recomputes these players in one read and one write (a round has a dozen players). */
  private async replace(sql: Sql, guids: readonly string[]): Promise<void> {
    if (guids.length === 0) return;
    const byGuid = await this.roundsOf(sql, guids);
    await sql.run(`DELETE FROM ${TABLE} WHERE guid IN (${guids.map(() => '?').join(', ')})`, [...guids]);
    await sql.insertMany(TABLE, COLUMNS, [...byGuid].map(([guid, rows]) => this.toRow(guid, rows)));
  }

  /** Counted rounds (spec §9: time above 0, not an orphan), per player, oldest first. */
  private async roundsOf(sql: Sql, guids: readonly string[] | null): Promise<Map<string, { name: string; rows: PlayerRoundRow[] }>> {
    const rows = await sql.all<RoundRow & Record<string, unknown>>(
      `SELECT pr.guid, p.name, pr.kills, pr.deaths, pr.killing_spree AS spree, r.map, r.round_number, r.ended_at_local
         FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id JOIN players p ON p.guid = pr.guid
        WHERE pr.in_totals = TRUE ${guids === null ? '' : `AND pr.guid IN (${guids.map(() => '?').join(', ')})`}
        ORDER BY ${sql.bytewise('pr.guid')}, r.ended_at_utc, ${sql.bytewise('r.file_name')}`,
      guids === null ? [] : [...guids],
    );
    const byGuid = new Map<string, { name: string; rows: PlayerRoundRow[] }>();
    for (const r of rows) {
      let player = byGuid.get(r.guid);
      if (!player) byGuid.set(r.guid, (player = { name: r.name, rows: [] }));
      player.rows.push({
        kills: num(r.kills),
        deaths: num(r.deaths),
        spree: num(r.spree),
        label: `${r.ended_at_local.slice(0, 16).replace('T', ' ')} ${r.map} R${num(r.round_number)}`,
      });
    }
    return byGuid;
  }

  private toRow(guid: string, player: { name: string; rows: PlayerRoundRow[] }): SqlValue[] {
    const s = computeStreaks(player.rows, this.minKd);
    return [guid, player.name, s.rounds, this.minKd, s.longestRun, s.longestFrom, s.longestTo, s.currentRun, Math.round(s.bestSpree), s.bestSpreeAt, new Date(this.now()).toISOString()];
  }
}
