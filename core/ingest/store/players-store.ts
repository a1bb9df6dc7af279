import { Sql, type Row, type SqlValue } from '../../data/sql';
import type { DerivedPlayer } from '../derive/types';

export interface RoundKey {
  endedAtUtc: string;
  fileName: string;
  /** Not an orphan: only such rounds name a player (§9 Clean names). */
  valid: boolean;
}

/**
 * Records the players and aliases of a stored round. A player's name is the clean name from their
 * latest non-orphan round (by time, then file name), whether or not they had time in it.
 */
export async function notePlayers(sql: Sql, players: readonly DerivedPlayer[], round: RoundKey): Promise<void> {
  const items = await notePlayersWithItems(sql, players, round);
  if (items.length > 0) await runWithItems(sql, items, 'SELECT 1');
}

/** A data-modifying WITH item (PostgreSQL runs every one of them, read or not). */
export interface WithItem {
  sql: string;
  params: SqlValue[];
}

/** Runs `main` after WITH `items`, in one round trip (the items' `?` come first in the text). */
export async function runWithItems(sql: Sql, items: readonly WithItem[], main: string, mainParams: readonly SqlValue[] = []): Promise<Row[]> {
  return sql.all(`WITH ${items.map((i) => i.sql).join(', ')} ${main}`, [...items.flatMap((i) => i.params), ...mainParams]);
}

const PLAYER_COLUMNS = ['guid', 'name', 'name_lower', 'raw_name', 'is_bot', 'name_source_key', 'first_seen_utc', 'last_seen_utc'];
const ALIAS_COLUMNS = ['guid', 'clean_name', 'clean_name_lower', 'raw_name', 'first_seen_utc', 'last_seen_utc'];

/** A players row and a player_aliases row, in PLAYER_COLUMNS / ALIAS_COLUMNS order. */
export type PlayerNote = [
  guid: string,
  name: string,
  nameLower: string,
  rawName: string,
  isBot: boolean,
  nameSourceKey: string | null,
  firstSeen: string,
  lastSeen: string,
];
export type AliasNote = [guid: string, cleanName: string, cleanNameLower: string, rawName: string, firstSeen: string, lastSeen: string];

/** The players and player_aliases rows a stored round contributes. */
export function playerNotes(players: readonly DerivedPlayer[], round: RoundKey): { players: PlayerNote[]; aliases: AliasNote[] } {
  const key = round.valid ? `${round.endedAtUtc}|${round.fileName}` : null;
  const at = round.endedAtUtc;
  return {
    players: players.map((p) => [p.raw.guid, p.raw.cleanName, p.raw.cleanName.toLowerCase(), p.raw.rawName, p.raw.isBot, key, at, at]),
    aliases: players.map((p) => [p.raw.guid, p.raw.cleanName, p.raw.cleanName.toLowerCase(), p.raw.rawName, at, at]),
  };
}

/**
 * `next` noted after `old` for the same GUID, as the upsert below would leave it: the same rules,
 * in memory, so that a batch can send one row per player (the fold is associative, so stored ⊕
 * (a ⊕ b) equals (stored ⊕ a) ⊕ b). Keys compare byte-wise; they are ASCII times and file names.
 */
export function foldPlayerNote(old: PlayerNote, next: PlayerNote): PlayerNote {
  const later = next[5] !== null && (old[5] === null || next[5] > old[5]);
  const takes = later || (next[5] === null && old[5] === null && next[7] >= old[7]);
  return [
    old[0],
    takes ? next[1] : old[1],
    takes ? next[2] : old[2],
    takes ? next[3] : old[3],
    old[4],
    later ? next[5] : old[5],
    next[6] < old[6] ? next[6] : old[6],
    next[7] > old[7] ? next[7] : old[7],
  ];
}

/** As foldPlayerNote, for a (GUID, clean name) alias. */
export function foldAliasNote(old: AliasNote, next: AliasNote): AliasNote {
  return [old[0], old[1], old[2], next[5] >= old[5] ? next[3] : old[3], next[4] < old[4] ? next[4] : old[4], next[5] > old[5] ? next[5] : old[5]];
}

/**
 * As notePlayers. PostgreSQL: the upserts are returned as WITH items for the caller to send with
 * its own statement; SQLite: they are run here and the list is empty.
 */
export async function notePlayersWithItems(sql: Sql, players: readonly DerivedPlayer[], round: RoundKey): Promise<WithItem[]> {
  if (players.length === 0) return [];
  const notes = playerNotes(players, round);
  return upsertPlayerNotes(sql, notes.players, notes.aliases);
}

/**
 * Upserts players and aliases rows (at most one per key in one call). PostgreSQL: as WITH items
 * for the caller to send; SQLite: run here, and the list is empty.
 */
export async function upsertPlayerNotes(sql: Sql, playerRows: readonly PlayerNote[], aliasRows: readonly AliasNote[]): Promise<WithItem[]> {
  if (playerRows.length === 0 && aliasRows.length === 0) return [];
  const b = (e: string): string => sql.bytewise(e);
  const later = `excluded.name_source_key IS NOT NULL AND (players.name_source_key IS NULL OR ${b('excluded.name_source_key')} > ${b('players.name_source_key')})`;
  // Takes the name from a later non-orphan round, or (while there is none) from a later round.
  const takes = `((${later}) OR (excluded.name_source_key IS NULL AND players.name_source_key IS NULL AND excluded.last_seen_utc >= players.last_seen_utc))`;
  const playerConflict = `ON CONFLICT (guid) DO UPDATE SET
       name = CASE WHEN ${takes} THEN excluded.name ELSE players.name END,
       name_lower = CASE WHEN ${takes} THEN excluded.name_lower ELSE players.name_lower END,
       raw_name = CASE WHEN ${takes} THEN excluded.raw_name ELSE players.raw_name END,
       name_source_key = CASE WHEN ${later} THEN excluded.name_source_key ELSE players.name_source_key END,
       first_seen_utc = CASE WHEN excluded.first_seen_utc < players.first_seen_utc THEN excluded.first_seen_utc ELSE players.first_seen_utc END,
       last_seen_utc = CASE WHEN excluded.last_seen_utc > players.last_seen_utc THEN excluded.last_seen_utc ELSE players.last_seen_utc END`;
  const aliasConflict = `ON CONFLICT (guid, clean_name) DO UPDATE SET
       raw_name = CASE WHEN excluded.last_seen_utc >= player_aliases.last_seen_utc THEN excluded.raw_name ELSE player_aliases.raw_name END,
       first_seen_utc = CASE WHEN excluded.first_seen_utc < player_aliases.first_seen_utc THEN excluded.first_seen_utc ELSE player_aliases.first_seen_utc END,
       last_seen_utc = CASE WHEN excluded.last_seen_utc > player_aliases.last_seen_utc THEN excluded.last_seen_utc ELSE player_aliases.last_seen_utc END`;
  if (sql.kind === 'postgres') {
    // Both upserts in one round trip.
    const aliases = await sql.unnestInsert('player_aliases', ALIAS_COLUMNS, aliasRows, aliasConflict);
    const main = await sql.unnestInsert('players', PLAYER_COLUMNS, playerRows, playerConflict);
    return [
      { sql: `noted_aliases AS (${aliases.sql})`, params: aliases.params },
      { sql: `noted_players AS (${main.sql})`, params: main.params },
    ];
  }
  await sql.insertMany('players', PLAYER_COLUMNS, playerRows, playerConflict);
  await sql.insertMany('player_aliases', ALIAS_COLUMNS, aliasRows, aliasConflict);
  return [];
}

/** Looks a player's name up again from the rounds now stored (after a round left the totals). */
export async function renamePlayers(sql: Sql, guids: readonly string[]): Promise<void> {
  for (const guid of guids) {
    const latest =
      (await sql.one(
        `SELECT p.clean_name, p.raw_name, r.ended_at_utc, r.file_name FROM player_rounds p JOIN rounds r ON r.id = p.round_id
         WHERE p.guid = ? AND r.status = 'valid' ORDER BY r.ended_at_utc DESC, ${sql.bytewise('r.file_name')} DESC LIMIT 1`,
        [guid],
      )) ?? null;
    if (latest) {
      await sql.run(`UPDATE players SET name = ?, name_lower = ?, raw_name = ?, name_source_key = ? WHERE guid = ?`, [
        String(latest.clean_name),
        String(latest.clean_name).toLowerCase(),
        String(latest.raw_name),
        `${String(latest.ended_at_utc)}|${String(latest.file_name)}`,
        guid,
      ]);
      continue;
    }
    const any = await sql.one(
      `SELECT p.clean_name, p.raw_name FROM player_rounds p JOIN rounds r ON r.id = p.round_id WHERE p.guid = ? ORDER BY r.ended_at_utc DESC, ${sql.bytewise('r.file_name')} DESC LIMIT 1`,
      [guid],
    );
    if (any) {
      await sql.run(`UPDATE players SET name = ?, name_lower = ?, raw_name = ?, name_source_key = NULL WHERE guid = ?`, [
        String(any.clean_name),
        String(any.clean_name).toLowerCase(),
        String(any.raw_name),
        guid,
      ]);
    }
  }
}

/** Rebuilds the aliases of players from the rounds now stored (after a round of theirs was removed). */
export async function rebuildAliases(sql: Sql, guids: readonly string[]): Promise<void> {
  if (guids.length === 0) return;
  const rows = await sql.all(
    `SELECT p.guid, p.clean_name, p.raw_name, r.ended_at_utc, r.file_name FROM player_rounds p JOIN rounds r ON r.id = p.round_id
     WHERE p.guid IN ${Sql.list(guids)}`,
    guids,
  );
  const aliases = new Map<string, { guid: string; clean: string; raw: string; first: string; last: string; lastKey: string }>();
  for (const row of rows) {
    const guid = String(row.guid);
    const clean = String(row.clean_name);
    const at = String(row.ended_at_utc);
    const key = `${at}|${String(row.file_name)}`;
    const id = `${guid}\u0000${clean}`;
    const a = aliases.get(id);
    if (!a) aliases.set(id, { guid, clean, raw: String(row.raw_name), first: at, last: at, lastKey: key });
    else {
      if (at < a.first) a.first = at;
      if (key > a.lastKey) Object.assign(a, { last: at, lastKey: key, raw: String(row.raw_name) });
    }
  }
  await sql.run(`DELETE FROM player_aliases WHERE guid IN ${Sql.list(guids)}`, guids);
  await sql.insertMany(
    'player_aliases',
    ['guid', 'clean_name', 'clean_name_lower', 'raw_name', 'first_seen_utc', 'last_seen_utc'],
    [...aliases.values()].map((a) => [a.guid, a.clean, a.clean.toLowerCase(), a.raw, a.first, a.last]),
  );
}

/** The players rows of `guids` as importing their stored rounds would leave them (none for a GUID with no row left). */
export async function rebuildPlayers(sql: Sql, guids: readonly string[]): Promise<void> {
  const rows = await sql.all(
    `SELECT p.guid, p.clean_name, p.raw_name, r.ended_at_utc, r.file_name, r.status FROM player_rounds p JOIN rounds r ON r.id = p.round_id
     WHERE p.guid IN ${Sql.list(guids)}`,
    guids,
  );
  const notes = new Map<string, PlayerNote>();
  for (const row of rows) {
    const guid = String(row.guid);
    const at = String(row.ended_at_utc);
    const clean = String(row.clean_name);
    const note: PlayerNote = [
      guid,
      clean,
      clean.toLowerCase(),
      String(row.raw_name),
      guid.startsWith('OMNIBOT0'),
      row.status === 'valid' ? `${at}|${String(row.file_name)}` : null,
      at,
      at,
    ];
    const before = notes.get(guid);
    notes.set(guid, before ? foldPlayerNote(before, note) : note);
  }
  await sql.run(`DELETE FROM players WHERE guid IN ${Sql.list(guids)}`, guids);
  await sql.insertMany('players', PLAYER_COLUMNS, [...notes.values()]);
}
