import type { Sql, SqlValue } from '../../data/sql';
import type { DerivedPlayer, RawPlayer } from '../derive/types';
import { foldAliasNote, foldPlayerNote, playerNotes, runWithItems, upsertPlayerNotes, type AliasNote, type PlayerNote, type RoundKey } from './players-store';
import { PLAYER_COLUMNS, WEAPON_COLUMNS, rawPlayersAsStored, roundRowValues } from './round-rows';

/**
 * The player, weapon, players and aliases rows of the rounds a batch import inserted, held back
 * and written together (one statement per table instead of several per file). Whatever reads
 * those tables during the batch must `flush()` first; the importer does so before removing or
 * re-deriving anything.
 */
export class PendingRows {
  private playerRows: SqlValue[][] = [];
  private weaponRows: SqlValue[][] = [];
  private players = new Map<string, PlayerNote>();
  private aliases = new Map<string, AliasNote>();
  /** Raw values of the rounds inserted in this batch, exactly as loadRawPlayers would read them back. */
  private readonly raw = new Map<number, RawPlayer[]>();

  get isEmpty(): boolean {
    return this.playerRows.length === 0 && this.players.size === 0;
  }

  addRound(roundId: number, derived: readonly DerivedPlayer[], valid: boolean, round: RoundKey): void {
    const rows = roundRowValues(roundId, derived, valid);
    for (const r of rows.playerRows) this.playerRows.push(r);
    for (const r of rows.weaponRows) this.weaponRows.push(r);
    const notes = playerNotes(derived, round);
    for (const p of notes.players) {
      const old = this.players.get(p[0]);
      this.players.set(p[0], old ? foldPlayerNote(old, p) : p);
    }
    for (const a of notes.aliases) {
      const key = `${a[0]}\u0000${a[1]}`;
      const old = this.aliases.get(key);
      this.aliases.set(key, old ? foldAliasNote(old, a) : a);
    }
    // What was stored: each row's raw values, with the weapons that were written for it.
    this.raw.set(roundId, rawPlayersAsStored(derived.map((d) => ({ ...d.raw, weapons: d.weapons.map((w) => w.raw) }))));
  }

  /** The raw players of a round inserted in this batch (undefined for any other round). */
  rawPlayers(roundId: number): RawPlayer[] | undefined {
    return this.raw.get(roundId);
  }

  /** Writes everything held back (PostgreSQL: one round trip). */
  async flush(sql: Sql): Promise<void> {
    if (this.isEmpty) return;
    const playerRows = this.playerRows;
    const weaponRows = this.weaponRows;
    const players = [...this.players.values()];
    const aliases = [...this.aliases.values()];
    this.playerRows = [];
    this.weaponRows = [];
    this.players = new Map();
    this.aliases = new Map();
    if (sql.kind === 'postgres') {
      const items = [];
      for (const [name, table, columns, rows] of [
        ['pending_player_rounds', 'player_rounds', PLAYER_COLUMNS, playerRows],
        ['pending_weapon_rounds', 'weapon_rounds', WEAPON_COLUMNS, weaponRows],
      ] as const) {
        if (rows.length === 0) continue;
        const insert = await sql.unnestInsert(table, columns, rows);
        items.push({ sql: `${name} AS (${insert.sql})`, params: insert.params });
      }
      items.push(...(await upsertPlayerNotes(sql, players, aliases)));
      await runWithItems(sql, items, 'SELECT 1');
      return;
    }
    await sql.insertMany('player_rounds', PLAYER_COLUMNS, playerRows);
    await sql.insertMany('weapon_rounds', WEAPON_COLUMNS, weaponRows);
    await upsertPlayerNotes(sql, players, aliases);
  }
}
