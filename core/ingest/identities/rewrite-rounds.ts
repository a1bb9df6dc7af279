import { Sql, num, type SqlValue } from '../../data/sql';
import type { BotRule } from '../../queries/bots';
import { deriveRoundPlayers } from '../derive/round-values';
import { rebuildAliases, rebuildPlayers } from '../store/players-store';
import { PLAYER_COLUMNS, WEAPON_COLUMNS, loadRawPlayersOfRounds, roundRowValues } from '../store/round-rows';
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
  const rounds = new Map<number, { roundNumber: number; status: string; partner: number | null; sessionId: number | null; playerCount: number }>();
  const load = async (list: number[]) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const part = list.slice(i, i + CHUNK);
      const rows = await sql.all(`SELECT id, round_number, status, paired_round_id, session_id, player_count FROM rounds WHERE id IN ${Sql.list(part)}`, part);
      for (const r of rows) {
        rounds.set(num(r.id), {
          roundNumber: num(r.round_number),
          status: String(r.status),
          partner: num(r.paired_round_id, true),
          sessionId: num(r.session_id, true),
          playerCount: num(r.player_count),
        });
      }
    }
  };
  await load([...ids]);
  // An R1's rows are what its R2 is derived against: the pair is written again together.
  await load([...new Set([...rounds.values()].flatMap((r) => (r.partner !== null && !rounds.has(r.partner) ? [r.partner] : [])))]);

  const identities = await loadIdentityMap(sql);
  // In chunks of whole pairs, each chunk's rows read, derived, deleted and written in a few statements.
  const order = [...rounds.keys()].sort((a, b) => a - b);
  const done = new Set<number>();
  const chunks: number[][] = [];
  let chunk: number[] = [];
  for (const id of order) {
    if (done.has(id)) continue;
    const partner = rounds.get(id)!.partner;
    const pair = partner !== null && rounds.has(partner) && !done.has(partner) ? [id, partner] : [id];
    for (const x of pair) done.add(x);
    chunk.push(...pair);
    if (chunk.length >= CHUNK) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  // Only the rows of the GUIDs concerned change: a player's R2 values depend on their own R1 row alone.
  for (const part of chunks) {
    const raw = await loadRawPlayersOfRounds(sql, part, guids);
    const counted = await sql.all(
      `SELECT round_id, SUM(CASE WHEN counted THEN 1 ELSE 0 END) AS n FROM player_rounds WHERE round_id IN ${Sql.list(part)} AND guid IN ${Sql.list(guids)} GROUP BY round_id`,
      [...part, ...guids],
    );
    const countedBefore = new Map(counted.map((c) => [num(c.round_id), num(c.n)]));
    const playerRows: SqlValue[][] = [];
    const weaponRows: SqlValue[][] = [];
    for (const id of part) {
      const round = rounds.get(id)!;
      const valid = round.status === 'valid';
      const kind = round.roundNumber === 1 ? 'r1' : valid ? 'r2' : 'orphan';
      const r1 =
        kind === 'r2' && round.partner !== null
          ? (raw.get(round.partner) ?? (await loadRawPlayersOfRounds(sql, [round.partner], guids)).get(round.partner)!)
          : null;
      const derived = deriveRoundPlayers(assignIdentities(raw.get(id)!, identities), r1 === null ? null : assignIdentities(r1, identities), kind);
      const values = roundRowValues(id, derived, valid);
      playerRows.push(...values.playerRows);
      weaponRows.push(...values.weaponRows);
      const count = round.playerCount - (countedBefore.get(id) ?? 0) + derived.filter((p) => p.counted).length;
      if (count !== round.playerCount) await sql.run(`UPDATE rounds SET player_count = ? WHERE id = ?`, [count, id]);
    }
    for (const table of ['weapon_rounds', 'player_rounds'])
      await sql.run(`DELETE FROM ${table} WHERE round_id IN ${Sql.list(part)} AND guid IN ${Sql.list(guids)}`, [...part, ...guids]);
    await sql.insertMany('player_rounds', PLAYER_COLUMNS, playerRows);
    await sql.insertMany('weapon_rounds', WEAPON_COLUMNS, weaponRows);
  }
  const sessions = new Set([...rounds.values()].flatMap((r) => (r.sessionId === null ? [] : [r.sessionId])));
  for (const id of [...sessions].sort((a, b) => a - b)) await refreshSession(sql, id, true, bots);
  await sql.settle();
  await rebuildPlayers(sql, guids);
  await rebuildAliases(sql, guids);
  return [...rounds.keys()].sort((a, b) => a - b);
}
