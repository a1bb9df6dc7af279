import { num, type PlayerRoundRow, type PlayerRoundsService, type PluginStorage, type SqlValue } from 'etbot/plugin-api';
import { StreakCounter } from './compute';
import type { PlayerStreak } from './player-streak';

const TABLE = 'streaks_player_streaks';
const COLUMNS = ['guid', 'name', 'rounds', 'min_kd', 'longest_run', 'longest_from', 'longest_to', 'current_run', 'best_spree', 'best_spree_at', 'updated_at'];

interface PlayerCounter {
  name: string;
  counter: StreakCounter;
}

/**
 * Reads counted rounds through the core's query service (QueryServices.PlayerRounds) and keeps
 * the plugin's own table (through `api.storage`) up to date.
 */
export class StreakStore {
  /** One recompute at a time: a player recomputed on `round.imported` while the job rebuilds
   * everything must not be overwritten by the rebuild's older reading. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: PluginStorage,
    private readonly rounds: PlayerRoundsService,
    private readonly minKd: number,
    private readonly now: () => number,
  ) {}

  /** Recomputes every player (a page of rounds at a time) and removes rows of players who no longer have a counted round. */
  recomputeAll(): Promise<number> {
    return this.inTurn(async () => {
      const players = new Map<string, PlayerCounter>();
      for await (const row of this.rounds.eachInTimeOrder()) this.count(players, row);
      await this.storage.transaction(async (sql) => {
        await sql.run(`DELETE FROM ${TABLE}`);
        await sql.insertMany(TABLE, COLUMNS, this.rows(players));
      });
      return players.size;
    });
  }

  /** Recomputes the players who have a line in these rounds (counted or not: a replaced file may have dropped one's time). */
  recomputeRounds(roundIds: readonly number[]): Promise<string[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.inTurn(async () => {
      const guids = [...new Set((await this.rounds.ofRounds(roundIds, { includeUncounted: true })).map((r) => r.guid))];
      await this.replace(guids);
      return guids;
    });
  }

  /** A player's streaks, computed now if the table does not have them (or has another threshold). */
  async get(guid: string): Promise<PlayerStreak | null> {
    const stored = await this.stored(guid);
    if (stored && stored.minKd === this.minKd) return stored;
    await this.inTurn(() => this.replace([guid]));
    return this.stored(guid);
  }

  /** Recomputes these players in one read and one write (a round has a dozen players). */
  private async replace(guids: readonly string[]): Promise<void> {
    if (guids.length === 0) return;
    const players = new Map<string, PlayerCounter>();
    for (const row of await this.rounds.ofPlayers(guids)) this.count(players, row);
    await this.storage.transaction(async (sql) => {
      await sql.run(`DELETE FROM ${TABLE} WHERE guid IN (${guids.map(() => '?').join(', ')})`, [...guids]);
      await sql.insertMany(TABLE, COLUMNS, this.rows(players));
    });
  }

  private async stored(guid: string): Promise<PlayerStreak | null> {
    const row = await this.storage.read((sql) => sql.one(`SELECT ${COLUMNS.join(', ')} FROM ${TABLE} WHERE guid = ?`, [guid]));
    if (!row) return null;
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return {
      guid: String(row.guid),
      name: String(row.name),
      rounds: num(row.rounds),
      minKd: num(row.min_kd),
      longestRun: num(row.longest_run),
      longestFrom: text(row.longest_from),
      longestTo: text(row.longest_to),
      currentRun: num(row.current_run),
      bestSpree: num(row.best_spree),
      bestSpreeAt: text(row.best_spree_at),
      updatedAt: String(row.updated_at),
    };
  }

  /** Adds a counted round (the rows come oldest first) to its player's counter. */
  private count(players: Map<string, PlayerCounter>, row: PlayerRoundRow): void {
    let player = players.get(row.guid);
    if (!player) players.set(row.guid, (player = { name: row.name, counter: new StreakCounter(this.minKd) }));
    player.counter.add({
      kills: row.kills,
      deaths: row.deaths,
      spree: row.killingSpree,
      label: `${row.endedAtLocal.slice(0, 16).replace('T', ' ')} ${row.map} R${row.roundNumber}`,
    });
  }

  private rows(players: Map<string, PlayerCounter>): SqlValue[][] {
    const updatedAt = new Date(this.now()).toISOString();
    return [...players].map(([guid, { name, counter }]) => {
      const s = counter.result();
      return [guid, name, s.rounds, this.minKd, s.longestRun, s.longestFrom, s.longestTo, s.currentRun, Math.round(s.bestSpree), s.bestSpreeAt, updatedAt];
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(work, work);
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
