import { Sql, bool, num } from '../../data/sql';
import { groupSessions, type SessionRound } from '../derive/sessions';
import { persistentTeams, type TeamRound } from '../derive/teams';
import { BotRule } from '../../queries/bots';
import { utcIso } from '../derive/local-time';
import type { ChangeSet } from './change-set';

interface SessionMember extends SessionRound {
  sessionId: number | null;
}

/**
 * Regroups the sessions of one server between `fromMs` and `toMs` (the times of rounds added or
 * removed): the sessions of every round within the gap of that span (a new round can merge them,
 * a removed one split them) and the `extra` sessions that lost rounds are rebuilt from their rounds.
 */
export async function regroupSessions(
  sql: Sql,
  serverId: string,
  fromMs: number,
  toMs: number,
  gapMinutes: number,
  changes: ChangeSet,
  extra: readonly number[] = [],
): Promise<void> {
  const g = gapMinutes * 60_000;
  const from = utcIso(fromMs - g);
  const to = utcIso(toMs + g);
  // Rounds near it, and every round of the sessions those belong to (two index lookups, one trip).
  const rows = await sql.all(
    `SELECT id, ended_at_utc, file_name, session_id FROM rounds WHERE server_id = ? AND ended_at_utc >= ? AND ended_at_utc <= ?
     UNION
     SELECT id, ended_at_utc, file_name, session_id FROM rounds WHERE session_id IN (
       SELECT session_id FROM rounds WHERE server_id = ? AND ended_at_utc >= ? AND ended_at_utc <= ? AND session_id IS NOT NULL)
     ${extra.length > 0 ? `UNION SELECT id, ended_at_utc, file_name, session_id FROM rounds WHERE session_id IN ${Sql.list(extra)}` : ''}`,
    [serverId, from, to, serverId, from, to, ...extra],
  );
  const members = new Map(rows.map((r) => [num(r.id), toMember(r)]));
  const free = new Set<number>(extra);
  for (const m of members.values()) if (m.sessionId !== null) free.add(m.sessionId);
  for (const group of groupSessions([...members.values()], gapMinutes)) {
    const rounds = group.map((id) => members.get(id)!);
    // Keep the smallest id any of its rounds already had, so a session keeps its id when it grows.
    const candidates = rounds.map((r) => r.sessionId).filter((id): id is number => id !== null && free.has(id));
    let sessionId: number;
    if (candidates.length > 0) {
      sessionId = Math.min(...candidates);
      free.delete(sessionId);
    } else {
      sessionId = await sql.insertReturningId('gaming_sessions', {
        server_id: serverId,
        start_utc: '',
        end_utc: '',
        start_local: '',
        end_local: '',
        round_count: 0,
        map_count: 0,
      });
    }
    const movedRounds = rounds.filter((r) => r.sessionId !== sessionId);
    for (const r of movedRounds) if (r.sessionId !== null) changes.shrunkSessionIds.add(r.sessionId);
    const moved = movedRounds.map((r) => r.id);
    if (moved.length > 0) await sql.later(`UPDATE rounds SET session_id = ? WHERE id IN ${Sql.list(moved)}`, [sessionId, ...moved]);
    changes.sessionIds.add(sessionId);
  }
  for (const id of free) {
    await sql.later(`DELETE FROM session_team_members WHERE session_id = ?`, [id]);
    await sql.later(`DELETE FROM gaming_sessions WHERE id = ?`, [id]);
    changes.sessionIds.delete(id);
  }
}

/** Recomputes a session's start, end, counts and persistent teams from its rounds. */
export async function refreshSession(sql: Sql, sessionId: number, shrunk: boolean, bots: BotRule = new BotRule()): Promise<void> {
  // PostgreSQL: LATERAL keeps this an index lookup per round even when the table statistics are
  // stale (a server without autovacuum otherwise picks a full scan of player_rounds).
  const players =
    sql.kind === 'postgres'
      ? 'LEFT JOIN LATERAL (SELECT x.guid, x.clean_name, x.team, x.counted FROM player_rounds x WHERE x.round_id = r.id OFFSET 0) p ON TRUE'
      : 'LEFT JOIN player_rounds p ON p.round_id = r.id';
  const rows = await sql.all(
    `SELECT r.id, r.round_number, r.status, r.ended_at_utc, r.ended_at_local, p.guid, p.clean_name, p.team, p.counted
     FROM rounds r ${players}
     WHERE r.session_id = ? ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}, r.id, ${sql.bytewise('p.guid')}`,
    [sessionId],
  );
  if (rows.length === 0) {
    await sql.later(`DELETE FROM session_team_members WHERE session_id = ?`, [sessionId]);
    await sql.later(`DELETE FROM gaming_sessions WHERE id = ?`, [sessionId]);
    return;
  }
  const rounds: (TeamRound & { id: number; status: string; utc: string; local: string; players: { guid: string; team: number }[] })[] = [];
  for (const row of rows) {
    const id = num(row.id);
    let round = rounds[rounds.length - 1];
    if (!round || round.id !== id) {
      round = {
        id,
        roundNumber: num(row.round_number),
        status: String(row.status),
        utc: String(row.ended_at_utc),
        local: String(row.ended_at_local),
        players: [],
      };
      rounds.push(round);
    }
    if (row.guid === null || row.guid === undefined || !bool(row.counted)) continue;
    if (bots.leftOut({ guid: String(row.guid), name: String(row.clean_name ?? '') })) continue;
    round.players.push({ guid: String(row.guid), team: num(row.team) });
  }
  const first = rounds[0]!;
  const last = rounds[rounds.length - 1]!;
  const maps = rounds.filter((r) => r.roundNumber === 2 && r.status === 'valid').length;
  const update = `UPDATE gaming_sessions SET start_utc = ?, end_utc = ?, start_local = ?, end_local = ?, round_count = ?, map_count = ? WHERE id = ?`;
  const updateParams = [first.utc, last.utc, first.local, last.local, rounds.length, maps, sessionId];
  const teams = persistentTeams(rounds);
  // Rounds only joined this session: upserting is enough. Rounds left it: start from scratch.
  if (shrunk) await sql.later(`DELETE FROM session_team_members WHERE session_id = ?`, [sessionId]);
  const teamRows = [...teams].map(([guid, team]) => [sessionId, guid, team]);
  const teamConflict = 'ON CONFLICT (session_id, guid) DO UPDATE SET team = excluded.team';
  if (sql.kind === 'postgres' && teamRows.length > 0) {
    const insert = await sql.unnestInsert('session_team_members', ['session_id', 'guid', 'team'], teamRows, teamConflict);
    await sql.later(`WITH session_update AS (${update}) ${insert.sql}`, [...updateParams, ...insert.params]);
    return;
  }
  await sql.later(update, updateParams);
  await sql.insertMany('session_team_members', ['session_id', 'guid', 'team'], teamRows, teamConflict);
}

function toMember(row: Record<string, unknown>): SessionMember {
  return { id: num(row.id), endedAtMs: Date.parse(String(row.ended_at_utc)), fileName: String(row.file_name), sessionId: num(row.session_id, true) };
}
