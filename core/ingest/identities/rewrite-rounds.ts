import { Sql, num } from '../../data/sql';
import type { BotRule } from '../../queries/bots';
import { deriveRoundPlayers } from '../derive/round-values';
import type { RawPlayer } from '../derive/types';
import { foldPlayerNote, rebuildAliases, type PlayerNote } from '../store/players-store';
import { deleteRoundRows, insertRoundRows, loadRawPlayers } from '../store/round-rows';
import { refreshSession } from '../store/sessions-store';
import { assignIdentities, loadIdentityMap } from './identity-map';

const CHUNK = 500;

/**
 * Stores again, under the identities now recorded, every round holding a row of `sources` (GUIDs
 * as in the files) among the rows of `guids` (every GUID the change concerns), with the rounds
 * paired with them: R2 values derived again across the pair, player counts, session teams, the
 * players' names and aliases. Returns the rounds written again.
 */
export async function rewriteRounds(sql: Sql, sources: readonly string[], guids: readonly string[], bots: BotRule | undefined): Promise<number[]> {
  const touched = await sql.all(
    `SELECT DISTINCT round_id FROM player_rounds WHERE guid IN ${Sql.list(guids)} AND COALESCE(source_guid, guid) IN ${Sql.list(sources)}`,
    [...guids, ...sources],
  );
  const ids = new Set(touched.map((r) => num(r.round_id)));
  const rounds = new Map<number, { roundNumber: number; status: string; partner: number | null; sessionId: number | null }>();
  const load = async (list: number[]) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const part = list.slice(i, i + CHUNK);
      for (const r of await sql.all(`SELECT id, round_number, status, paired_round_id, session_id FROM rounds WHERE id IN ${Sql.list(part)}`, part)) {
        rounds.set(num(r.id), {
          roundNumber: num(r.round_number),
          status: String(r.status),
          partner: num(r.paired_round_id, true),
          sessionId: num(r.session_id, true),
        });
      }
    }
  };
  await load([...ids]);
  // An R1's rows are what its R2 is derived against: the pair is written again together.
  await load([...new Set([...rounds.values()].flatMap((r) => (r.partner !== null && !rounds.has(r.partner) ? [r.partner] : [])))]);

  const identities = await loadIdentityMap(sql);
  const raw = new Map<number, RawPlayer[]>();
  const rawOf = async (id: number): Promise<RawPlayer[]> => {
    let players = raw.get(id);
    if (!players) raw.set(id, (players = assignIdentities(await loadRawPlayers(sql, id), identities)));
    return players;
  };
  for (const id of rounds.keys()) await rawOf(id);
  for (const [id, round] of rounds) {
    const valid = round.status === 'valid';
    const kind = round.roundNumber === 1 ? 'r1' : valid ? 'r2' : 'orphan';
    const r1 = kind === 'r2' && round.partner !== null ? await rawOf(round.partner) : null;
    const derived = deriveRoundPlayers(await rawOf(id), r1, kind);
    await deleteRoundRows(sql, [id]);
    await insertRoundRows(sql, id, derived, valid);
    await sql.run(`UPDATE rounds SET player_count = ? WHERE id = ?`, [derived.filter((p) => p.counted).length, id]);
  }
  const sessions = new Set([...rounds.values()].flatMap((r) => (r.sessionId === null ? [] : [r.sessionId])));
  for (const id of [...sessions].sort((a, b) => a - b)) await refreshSession(sql, id, true, bots);
  await sql.settle();
  await rebuildPlayers(sql, guids);
  await rebuildAliases(sql, guids);
  return [...rounds.keys()].sort((a, b) => a - b);
}

/** The players rows of `guids` as importing their stored rounds would leave them (none for a GUID with no row left). */
async function rebuildPlayers(sql: Sql, guids: readonly string[]): Promise<void> {
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
  await sql.insertMany(
    'players',
    ['guid', 'name', 'name_lower', 'raw_name', 'is_bot', 'name_source_key', 'first_seen_utc', 'last_seen_utc'],
    [...notes.values()],
  );
}
