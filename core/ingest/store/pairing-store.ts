import { Sql, bool, num, type SqlValue } from '../../data/sql';
import { pairRounds, type PairableRound } from '../derive/pairing';
import { deriveRoundPlayers } from '../derive/round-values';
import { mapScore } from '../derive/score';
import { utcIso } from '../derive/local-time';
import type { ChangeSet } from './change-set';
import type { RoundsWindow } from './rounds-window';
import { deleteRoundRows, insertRoundRows, loadRawPlayers } from './round-rows';
import { notePlayers } from './players-store';

export interface StoredRound extends PairableRound {
  status: string;
  pairedRoundId: number | null;
  matchId: number | null;
  sessionId: number | null;
  attackersSucceeded: boolean | null;
  endedAtUtc: string;
}

export const pairingFor = pairRounds;

interface CachedComponent {
  endedAtMs: number;
  rounds: StoredRound[];
}

/**
 * Keeps the component a new round was inserted into (with the new round), so that reconciling
 * it needs no second query. Any later change to the same server and map drops it.
 */
export function rememberComponent(changes: ChangeSet, serverId: string, map: string, endedAtMs: number, rounds: StoredRound[]): void {
  changes.components.set(`${serverId}\u0000${map}`, { endedAtMs, rounds } satisfies CachedComponent);
}

/**
 * The rounds of one server and map linked to `endedAtMs` by chains of gaps within the pairing
 * window: pairing inside this set does not depend on any round outside it.
 */
export async function loadComponent(sql: Sql, serverId: string, map: string, endedAtMs: number, windowMinutes: number): Promise<StoredRound[]> {
  const w = windowMinutes * 60_000;
  // Load a generous span at once, then close the chain in memory; widen only when it reaches an edge.
  let from = endedAtMs - 3 * w;
  let to = endedAtMs + 3 * w;
  for (;;) {
    const rows = await sql.all(
      `SELECT id, map, round_number, ended_at_utc, file_name, status, paired_round_id, match_id, session_id, attackers_succeeded
       FROM rounds WHERE server_id = ? AND map = ? AND ended_at_utc >= ? AND ended_at_utc <= ?`,
      [serverId, map, utcIso(from), utcIso(to)],
    );
    const rounds = rows.map(toStored).sort((a, b) => a.endedAtMs - b.endedAtMs);
    let lo = endedAtMs;
    let hi = endedAtMs;
    for (const r of rounds) if (r.endedAtMs >= endedAtMs && r.endedAtMs - hi <= w) hi = r.endedAtMs;
    for (const r of [...rounds].reverse()) if (r.endedAtMs <= endedAtMs && lo - r.endedAtMs <= w) lo = r.endedAtMs;
    if (lo - w >= from && hi + w <= to) return rounds.filter((r) => r.endedAtMs >= lo && r.endedAtMs <= hi);
    from = Math.min(from, lo - 3 * w);
    to = Math.max(to, hi + 3 * w);
  }
}

/**
 * Brings pairing, orphan status, R2 derivations and matches of one component up to date with the
 * rounds now stored (order independent: the result depends only on the set of rounds). Returns
 * the time span of the component: any other change inside it belongs to the same component.
 */
export async function reconcilePairing(
  sql: Sql,
  serverId: string,
  map: string,
  endedAtMs: number,
  windowMinutes: number,
  changes: ChangeSet,
  /** A batch's rounds in memory, as stored (nothing of them re-derived yet). */
  window?: RoundsWindow | null,
): Promise<{ fromMs: number; toMs: number } | null> {
  const key = `${serverId}\u0000${map}`;
  const cached = changes.components.get(key) as CachedComponent | undefined;
  changes.components.delete(key);
  const rounds =
    (cached && cached.endedAtMs === endedAtMs ? cached.rounds : window?.component(serverId, map, endedAtMs, windowMinutes)) ??
    (await loadComponent(sql, serverId, map, endedAtMs, windowMinutes));
  if (rounds.length === 0) return null;
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const pairs = pairRounds(rounds, windowMinutes);
  const r2OfR1 = new Map([...pairs].map(([r2, r1]) => [r1, r2]));

  for (const r of rounds) {
    const partner = (r.roundNumber === 2 ? pairs.get(r.id) : r2OfR1.get(r.id)) ?? null;
    if (r.roundNumber === 1) {
      if (r.pairedRoundId !== partner) {
        // A new partner is written with the new match below.
        if (partner === null) await sql.later(`UPDATE rounds SET paired_round_id = NULL WHERE id = ?`, [r.id]);
        markChanged(r, changes);
      }
      continue;
    }
    const wasValid = r.status === 'valid';
    const valid = partner !== null;
    if (r.pairedRoundId === partner && wasValid === valid) continue;
    // The R2's partner changed: derive its rows again from the stored raw values.
    const raw = await loadRawPlayers(sql, r.id);
    const r1Raw = partner !== null ? await loadRawPlayers(sql, partner) : null;
    const derived = deriveRoundPlayers(raw, r1Raw, valid ? 'r2' : 'orphan');
    await deleteRoundRows(sql, [r.id]);
    await insertRoundRows(sql, r.id, derived, valid);
    await sql.later(`UPDATE rounds SET paired_round_id = ?, status = ?, player_count = ? WHERE id = ?`, [
      partner,
      valid ? 'valid' : 'orphan',
      derived.filter((p) => p.counted).length,
      r.id,
    ]);
    if (wasValid && !valid) for (const p of raw) changes.guidsToRename.add(p.guid);
    if (r.sessionId !== null) changes.shrunkSessionIds.add(r.sessionId);
    if (!wasValid && valid) await notePlayers(sql, derived, { endedAtUtc: r.endedAtUtc, fileName: r.fileName, valid: true });
    markChanged(r, changes);
  }

  await reconcileMatches(sql, serverId, map, rounds, byId, pairs, changes);
  return { fromMs: Math.min(...rounds.map((r) => r.endedAtMs)), toMs: Math.max(...rounds.map((r) => r.endedAtMs)) };
}

async function reconcileMatches(
  sql: Sql,
  serverId: string,
  map: string,
  rounds: StoredRound[],
  byId: Map<number, StoredRound>,
  pairs: Map<number, number>,
  changes: ChangeSet,
): Promise<void> {
  // A match exists exactly when both its rounds point at it: the loaded R2s tell which there were.
  const kept = new Set<number>();
  for (const r of rounds) {
    if (r.roundNumber !== 2 || r.matchId === null) continue;
    if (pairs.get(r.id) === r.pairedRoundId && r.pairedRoundId !== null) {
      kept.add(r.id);
      continue;
    }
    await sql.later(`DELETE FROM matches WHERE id = ?`, [r.matchId]);
    await sql.later(`UPDATE rounds SET match_id = NULL WHERE match_id = ?`, [r.matchId]);
  }
  for (const r of rounds) {
    // An R1 whose match went with a round removed earlier in this transaction.
    if (r.roundNumber === 1 && r.matchId !== null && ![...pairs.values()].includes(r.id)) {
      await sql.later(`UPDATE rounds SET match_id = NULL WHERE id = ?`, [r.id]);
    }
  }
  for (const [r2Id, r1Id] of pairs) {
    if (kept.has(r2Id)) continue;
    const r1 = byId.get(r1Id)!;
    const r2 = byId.get(r2Id)!;
    if (r1.matchId !== null) await sql.later(`DELETE FROM matches WHERE id = ?`, [r1.matchId]);
    const score = mapScore(r1.attackersSucceeded, r2.attackersSucceeded);
    const matchValues: Record<string, SqlValue> = {
      server_id: serverId,
      map,
      r1_round_id: r1Id,
      r2_round_id: r2Id,
      ended_at_utc: r2.endedAtUtc,
      r1_attackers_succeeded: r1.attackersSucceeded,
      r2_attackers_succeeded: r2.attackersSucceeded,
      score_r1_attackers: score?.r1Attackers ?? null,
      score_r2_attackers: score?.r2Attackers ?? null,
    };
    const link = `UPDATE rounds SET match_id = ?, paired_round_id = CASE WHEN id = ? THEN CAST(? AS INTEGER) ELSE CAST(? AS INTEGER) END WHERE id IN (?, ?)`;
    if (sql.kind === 'postgres') {
      // The match and the link of its rounds in one round trip.
      const cols = Object.keys(matchValues);
      await sql.later(
        `WITH new_match AS (INSERT INTO matches (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) RETURNING id) ${link.replace('match_id = ?', 'match_id = (SELECT id FROM new_match)')}`,
        [...cols.map((c) => matchValues[c] ?? null), r1Id, r2Id, r1Id, r1Id, r2Id],
      );
    } else {
      const matchId = await sql.insertReturningId('matches', matchValues);
      await sql.later(link, [matchId, r1Id, r2Id, r1Id, r1Id, r2Id]);
    }
    markChanged(r1, changes);
    markChanged(r2, changes);
  }
}

function markChanged(r: StoredRound, changes: ChangeSet): void {
  if (!changes.insertedRoundIds.has(r.id)) changes.rederivedRoundIds.add(r.id);
  if (r.sessionId !== null) changes.sessionIds.add(r.sessionId);
}

export function toStored(row: Record<string, unknown>): StoredRound {
  const endedAtUtc = String(row.ended_at_utc);
  return {
    id: num(row.id),
    map: String(row.map),
    roundNumber: num(row.round_number),
    endedAtMs: Date.parse(endedAtUtc),
    endedAtUtc,
    fileName: String(row.file_name),
    status: String(row.status),
    pairedRoundId: num(row.paired_round_id, true),
    matchId: num(row.match_id, true),
    sessionId: num(row.session_id, true),
    attackersSucceeded: row.attackers_succeeded === null || row.attackers_succeeded === undefined ? null : bool(row.attackers_succeeded),
  };
}
