import { num, type Sql } from '../../data/sql';
import { compareMatches, type MatchFacts, type MatchPlayerRow } from '../map-teams';

/** A rateable match without its player rows. */
export type MatchHeader = Omit<MatchFacts, 'rows'>;

/** Identifies what a map was rated from; a rated map whose fingerprint changes needs a recompute. */
export function fingerprint(m: MatchHeader): string {
  return [m.matchId, m.r1RoundId, m.r2RoundId, `${m.scoreR1Attackers}-${m.scoreR2Attackers}`, m.endedAtUtc, m.serverId, m.map].join('|');
}

/**
 * Every completed stopwatch map with a known score (spec §6, §9 Score), in rating order.
 * Orphan R2s have no match and maps with an unknown winner have a null score: neither is here.
 */
export async function loadMatchHeaders(sql: Sql): Promise<MatchHeader[]> {
  const rows = await sql.all(
    `SELECT m.id, m.server_id, m.map, m.ended_at_utc, m.r1_round_id, m.r2_round_id, m.score_r1_attackers, m.score_r2_attackers,
            r1.defender_team AS def1, r2.defender_team AS def2, r2.file_name AS r2_file
       FROM matches m
       JOIN rounds r1 ON r1.id = m.r1_round_id
       JOIN rounds r2 ON r2.id = m.r2_round_id
      WHERE m.score_r1_attackers IS NOT NULL AND m.score_r2_attackers IS NOT NULL
        AND r1.status = 'valid' AND r2.status = 'valid'`,
  );
  const headers = rows.map(
    (r): MatchHeader => ({
      matchId: num(r.id),
      serverId: String(r.server_id),
      map: String(r.map),
      endedAtUtc: String(r.ended_at_utc),
      r2FileName: String(r.r2_file),
      r1RoundId: num(r.r1_round_id),
      r2RoundId: num(r.r2_round_id),
      r1DefenderTeam: num(r.def1),
      r2DefenderTeam: num(r.def2),
      scoreR1Attackers: num(r.score_r1_attackers),
      scoreR2Attackers: num(r.score_r2_attackers),
    }),
  );
  return headers.sort(compareMatches);
}

const CHUNK = 400;

/** The counted player rows (time played above 0, after the R2 derivation) of these matches. */
export async function loadMatchFacts(sql: Sql, headers: readonly MatchHeader[]): Promise<MatchFacts[]> {
  const roundOf = new Map<number, { facts: MatchFacts; round: 1 | 2 }>();
  const facts = headers.map((h) => ({ ...h, rows: [] as MatchPlayerRow[] }));
  for (const f of facts) {
    roundOf.set(f.r1RoundId, { facts: f, round: 1 });
    roundOf.set(f.r2RoundId, { facts: f, round: 2 });
  }
  const ids = [...roundOf.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await sql.all(
      `SELECT round_id, guid, team, time_played_tenths, kills, deaths FROM player_rounds
        WHERE in_totals = TRUE AND round_id IN ${sqlList(chunk.length)}`,
      chunk,
    );
    for (const r of rows) {
      const target = roundOf.get(num(r.round_id))!;
      target.facts.rows.push({
        round: target.round,
        guid: String(r.guid),
        team: num(r.team),
        tenths: num(r.time_played_tenths),
        kills: num(r.kills),
        deaths: num(r.deaths),
      });
    }
  }
  // Row order from the database is not defined: make it so (mapTeams sorts by GUID anyway).
  for (const f of facts) f.rows.sort((x, y) => x.round - y.round || (x.guid < y.guid ? -1 : x.guid > y.guid ? 1 : 0));
  return facts;
}

function sqlList(n: number): string {
  return `(${new Array(n).fill('?').join(', ')})`;
}
