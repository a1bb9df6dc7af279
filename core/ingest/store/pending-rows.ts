import { num, type Sql, type SqlValue } from '../../data/sql';
import type { DerivedPlayer, RawPlayer } from '../derive/types';
import {
  foldAliasNote,
  foldPlayerNote,
  playerNotes,
  runWithItems,
  upsertPlayerNotes,
  type AliasNote,
  type PlayerNote,
  type RoundKey,
  type WithItem,
} from './players-store';
import { PLAYER_COLUMNS, WEAPON_COLUMNS, rawPlayersAsStored, roundRowValues } from './round-rows';
import type { RoundsWindow } from './rounds-window';

/** PostgreSQL: rows are sent (without waiting) once this many rounds are held back. */
const SEND_EVERY_ROUNDS = 25;

/**
 * What a batch import holds back and writes together: the player, weapon, players and aliases
 * rows of the rounds it inserted and, on PostgreSQL, those rounds and their files' rows too (with
 * ids reserved up front). On PostgreSQL they are sent while the batch goes on with the next files
 * (one connection runs statements in order, so later statements see them); anything that reads
 * what may still be held back calls `flush()` first, which also waits for what was sent.
 */
export class PendingRows {
  /** The batch's stored rounds in memory (null: ask the database). */
  window: RoundsWindow | null = null;
  private fileRows: Record<string, SqlValue>[] = [];
  private roundRows: Record<string, SqlValue>[] = [];
  private playerRows: SqlValue[][] = [];
  private weaponRows: SqlValue[][] = [];
  private players = new Map<string, PlayerNote>();
  private aliases = new Map<string, AliasNote>();
  private rounds = 0;
  /** The rounds inserted in this batch, for their raw values (an R2 of the batch is derived against its R1). */
  private readonly derived = new Map<number, readonly DerivedPlayer[]>();
  private ids: { fileId: number; roundId: number }[] = [];
  private sent: Promise<void>[] = [];

  /** PostgreSQL: reserves ids for `count` new files and their rounds. */
  async reserveIds(sql: Sql, count: number): Promise<void> {
    if (sql.kind !== 'postgres' || count <= 0) return;
    const rows = await sql.all(
      `SELECT nextval(pg_get_serial_sequence('stats_files', 'id')) AS file_id, nextval(pg_get_serial_sequence('rounds', 'id')) AS round_id
       FROM generate_series(1, ?::int)`,
      [count],
    );
    this.ids = rows.map((r) => ({ fileId: num(r.file_id), roundId: num(r.round_id) }));
  }

  /** Reserved ids for a new file and its round, if any are left. */
  takeIds(): { fileId: number; roundId: number } | undefined {
    return this.ids.shift();
  }

  /** A new file and its round, with reserved ids (PostgreSQL). */
  addFileAndRound(file: Record<string, SqlValue>, round: Record<string, SqlValue>): void {
    this.fileRows.push(file);
    this.roundRows.push(round);
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
    this.derived.set(roundId, derived);
    this.rounds++;
  }

  /** The raw players of a round inserted in this batch, exactly as loadRawPlayers would read them back (undefined for any other round). */
  rawPlayers(roundId: number): RawPlayer[] | undefined {
    const derived = this.derived.get(roundId);
    // What was stored: each row's raw values, with the weapons that were written for it.
    return derived && rawPlayersAsStored(derived.map((d) => ({ ...d.raw, weapons: d.weapons.map((w) => w.raw) })));
  }

  /** PostgreSQL: sends what is held back once there is enough of it, without waiting. */
  sendSome(sql: Sql): void {
    if (sql.kind !== 'postgres' || this.rounds < SEND_EVERY_ROUNDS) return;
    const sending = this.send(sql);
    sending.catch(() => undefined); // surfaced by flush(); the transaction is failed either way
    this.sent.push(sending);
  }

  /** Writes everything held back and waits for everything sent. */
  async flush(sql: Sql): Promise<void> {
    const sending = this.send(sql);
    const all = [...this.sent, sending];
    this.sent = [];
    const failed = (await Promise.allSettled(all)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async send(sql: Sql): Promise<void> {
    if (this.rounds === 0 && this.players.size === 0 && this.fileRows.length === 0) return;
    // Taken synchronously, so rows added while this is on its way go with the next send.
    const tables: [string, readonly string[], SqlValue[][]][] = [
      ...(this.fileRows.length > 0 ? [['stats_files', Object.keys(this.fileRows[0]!), records(this.fileRows)] as [string, string[], SqlValue[][]]] : []),
      ...(this.roundRows.length > 0 ? [['rounds', Object.keys(this.roundRows[0]!), records(this.roundRows)] as [string, string[], SqlValue[][]]] : []),
      ['player_rounds', PLAYER_COLUMNS, this.playerRows],
      ['weapon_rounds', WEAPON_COLUMNS, this.weaponRows],
    ];
    const players = [...this.players.values()];
    const aliases = [...this.aliases.values()];
    this.fileRows = [];
    this.roundRows = [];
    this.playerRows = [];
    this.weaponRows = [];
    this.players = new Map();
    this.aliases = new Map();
    this.rounds = 0;
    if (sql.kind === 'postgres') {
      const items: WithItem[] = [];
      for (const [table, columns, rows] of tables) {
        if (rows.length === 0) continue;
        const insert = await sql.unnestInsert(table, columns, rows);
        items.push({ sql: `pending_${table} AS (${insert.sql})`, params: insert.params });
      }
      items.push(...(await upsertPlayerNotes(sql, players, aliases)));
      await runWithItems(sql, items, 'SELECT 1');
      return;
    }
    for (const [table, columns, rows] of tables) await sql.insertMany(table, columns, rows);
    await upsertPlayerNotes(sql, players, aliases);
  }
}

/** Records with the same keys as rows of values, in the first record's key order. */
function records(list: readonly Record<string, SqlValue>[]): SqlValue[][] {
  const keys = Object.keys(list[0]!);
  return list.map((r) => keys.map((k) => r[k] ?? null));
}
