import type { ParsedRound } from '../../parsing';
import { Sql, num, type SqlValue } from '../../data/sql';
import { deriveRoundPlayers } from '../derive/round-values';
import { attackersSucceeded } from '../derive/score';
import { localToUtcMs, utcIso } from '../derive/local-time';
import { rawPlayerFromLine } from '../raw-player';
import { assignIdentities, loadIdentityMap } from '../identities/identity-map';
import type { ChangeSet } from './change-set';
import { loadComponent, pairingFor, rememberComponent, type StoredRound } from './pairing-store';
import { insertRoundRows, loadRawPlayers, deleteRoundRows, roundRowsWithItems } from './round-rows';
import { notePlayers, notePlayersWithItems, runWithItems, type WithItem } from './players-store';
import type { PendingRows } from './pending-rows';

export interface RoundSettings {
  timezone: string;
  pairingWindowMinutes: number;
  sessionGapMinutes: number;
}

/** PostgreSQL: a new stats_files row, written with its round (see insertRound). */
export interface NewFile {
  values: Record<string, SqlValue>;
}

/**
 * Stores an accepted file's round, deriving its rows against its R1 when it is an R2 whose R1 is
 * already stored. Other rounds the new one affects are brought up to date later by reconcile.
 */
export async function insertRound(
  sql: Sql,
  fileId: number | NewFile,
  serverId: string,
  parsed: ParsedRound,
  settings: RoundSettings,
  changes: ChangeSet,
  /** A batch import: the round's rows are held back here and written with the batch's. */
  pending?: PendingRows,
): Promise<number> {
  const endedAtMs = localToUtcMs(parsed.file.endedAtLocal, settings.timezone);
  const map = parsed.file.map;
  const roundNumber = parsed.header.round;
  changes.forgetComponents(serverId, map);
  let component = pending?.window?.component(serverId, map, endedAtMs, settings.pairingWindowMinutes);
  if (!component) {
    await pending?.flush(sql); // the rounds it reads may be held back
    component = await loadComponent(sql, serverId, map, endedAtMs, settings.pairingWindowMinutes);
  }
  const NEW = -1;
  const pairs = pairingFor([...component, { id: NEW, map, roundNumber, endedAtMs, fileName: parsed.file.name }], settings.pairingWindowMinutes);
  let partner: number | null = null;
  if (roundNumber === 2) partner = pairs.get(NEW) ?? null;
  else for (const [r2, r1] of pairs) if (r1 === NEW) partner = r2;
  const valid = roundNumber === 1 || partner !== null;

  changes.identities ??= await loadIdentityMap(sql);
  const raw = assignIdentities(parsed.players.map(rawPlayerFromLine), changes.identities);
  const r1Raw = roundNumber === 2 && partner !== null ? (pending?.rawPlayers(partner) ?? (await loadRawPlayers(sql, partner))) : null;
  const derived = deriveRoundPlayers(raw, r1Raw, roundNumber === 1 ? 'r1' : valid ? 'r2' : 'orphan');
  const h = parsed.header;
  const succeeded = attackersSucceeded(h.defenderTeam, h.winnerTeam);
  const roundValues: Record<string, SqlValue> = {
    file_id: typeof fileId === 'number' ? fileId : null,
    file_name: parsed.file.name,
    server_id: serverId,
    map,
    round_number: roundNumber,
    server_name: h.serverName,
    server_name_clean: h.serverNameClean,
    config: h.config,
    defender_team: h.defenderTeam,
    winner_team: h.winnerTeam,
    time_limit: h.timeLimit,
    next_time_limit: h.nextTimeLimit,
    time_limit_seconds: h.timeLimitSeconds,
    next_time_limit_seconds: h.nextTimeLimitSeconds,
    playtime_ms: h.playtimeMs,
    ended_at_local: parsed.file.endedAtLocal,
    ended_at_utc: utcIso(endedAtMs),
    status: valid ? 'valid' : 'orphan',
    // Only an R2 records its R1 here; reconcile links the R1 side and the match.
    paired_round_id: roundNumber === 2 ? partner : null,
    match_id: null,
    session_id: null,
    attackers_succeeded: succeeded,
    player_count: derived.filter((p) => p.counted).length,
  };
  const roundKey = { endedAtUtc: utcIso(endedAtMs), fileName: parsed.file.name, valid };
  let roundId: number;
  const newFile = typeof fileId === 'number' ? null : fileId;
  const ids = newFile && pending ? pending.takeIds() : undefined;
  if (newFile && ids) {
    // A batch on PostgreSQL: the file's row and its round wait with the rest, under reserved ids.
    roundId = ids.roundId;
    pending!.addFileAndRound({ id: ids.fileId, ...newFile.values }, { id: roundId, ...roundValues, file_id: ids.fileId });
  } else if (sql.kind === 'postgres') {
    // The round, its rows and its players (and the file's row, when new) in one round trip.
    const cols = Object.keys(roundValues).filter((c) => !(newFile && c === 'file_id'));
    const fileCols = newFile ? Object.keys(newFile.values) : [];
    const items: WithItem[] = [
      ...(newFile
        ? [
            {
              sql: `new_file AS (INSERT INTO stats_files (${fileCols.join(', ')}) VALUES (${fileCols.map(() => '?').join(', ')}) RETURNING id)`,
              params: fileCols.map((c) => newFile.values[c] ?? null),
            },
          ]
        : []),
      {
        sql: `new_round AS (INSERT INTO rounds (${newFile ? 'file_id, ' : ''}${cols.join(', ')}) VALUES (${newFile ? '(SELECT id FROM new_file), ' : ''}${cols.map(() => '?').join(', ')}) RETURNING id)`,
        params: cols.map((c) => roundValues[c] ?? null),
      },
      ...(pending ? [] : await roundRowsWithItems(sql, 'SELECT id FROM new_round', derived, valid)),
      ...(pending ? [] : await notePlayersWithItems(sql, derived, roundKey)),
    ];
    roundId = num((await runWithItems(sql, items, 'SELECT id FROM new_round'))[0]!.id);
  } else {
    if (newFile) throw new Error('a new file row is sent with its round on PostgreSQL only');
    roundId = await sql.insertReturningId('rounds', roundValues);
    if (!pending) {
      await insertRoundRows(sql, roundId, derived, valid);
      await notePlayers(sql, derived, roundKey);
    }
  }
  pending?.addRound(roundId, derived, valid, roundKey);
  changes.insertedRoundIds.add(roundId);
  changes.touchRound(serverId, map, endedAtMs, null);
  const stored: StoredRound = {
    id: roundId,
    map,
    roundNumber,
    endedAtMs,
    endedAtUtc: utcIso(endedAtMs),
    fileName: parsed.file.name,
    status: valid ? 'valid' : 'orphan',
    pairedRoundId: roundNumber === 2 ? partner : null,
    matchId: null,
    sessionId: null,
    attackersSucceeded: succeeded,
  };
  rememberComponent(changes, serverId, map, endedAtMs, [...component, stored]);
  pending?.window?.add({ ...stored });
  return roundId;
}

/** Removes the round stored from a file (its rows, its match); neighbours are reconciled later. */
export async function removeRoundOfFile(sql: Sql, fileId: number, changes: ChangeSet): Promise<void> {
  const round = await sql.one(`SELECT id, server_id, map, ended_at_utc, session_id, match_id, status FROM rounds WHERE file_id = ?`, [fileId]);
  if (!round) return;
  const id = num(round.id);
  for (const g of await sql.all(`SELECT guid FROM player_rounds WHERE round_id = ?`, [id])) {
    changes.guidsToRealias.add(String(g.guid));
    if (round.status === 'valid') changes.guidsToRename.add(String(g.guid));
  }
  await deleteRoundRows(sql, [id]);
  if (round.match_id !== null) await sql.run(`DELETE FROM matches WHERE id = ?`, [num(round.match_id)]);
  await sql.run(`DELETE FROM rounds WHERE id = ?`, [id]);
  changes.insertedRoundIds.delete(id);
  changes.forgetComponents(String(round.server_id), String(round.map));
  if (round.session_id !== null) changes.shrunkSessionIds.add(num(round.session_id));
  changes.touchRound(String(round.server_id), String(round.map), Date.parse(String(round.ended_at_utc)), num(round.session_id, true));
}
