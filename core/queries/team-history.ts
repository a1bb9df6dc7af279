import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';
import { Sql, num } from '../data/sql';
import type { SessionTeam } from './sessions';

/** A gaming session with its number (1 = the first ever, as `!sessions` numbers them). */
export interface TeamHistorySessionRow {
  sessionId: number;
  number: number;
  /** Local time of the first round's end, `YYYY-MM-DDTHH:MM:SS`. */
  startLocal: string;
}

/** A player's persistent team in a session (spec §6). */
export interface TeamHistoryMemberRow {
  sessionId: number;
  guid: string;
  /** The player's name now, colour codes removed. */
  name: string;
  team: SessionTeam;
}

/** A paired map (spec §6 Match) with its score per persistent team. */
export interface TeamHistoryMapRow {
  matchId: number;
  sessionId: number;
  map: string;
  /** Local end of R2, `YYYY-MM-DDTHH:MM:SS`. */
  endedAtLocal: string;
  r1RoundId: number;
  r2RoundId: number;
  /** Side (1 axis, 2 allies) that attacked in R1 and in R2. */
  r1AttackerSide: number;
  r2AttackerSide: number;
  /** Map score of R1's and R2's attackers; null when a winner is unknown (spec §9 Score). */
  scoreR1Attackers: number | null;
  scoreR2Attackers: number | null;
  /** The persistent team most of R1's attackers belong to; null when none is known. */
  r1Attackers: SessionTeam | null;
  /** Score per persistent team; null when the map's score or R1's attackers are unknown. */
  score: Record<SessionTeam, number> | null;
}

/** Every session's persistent teams. */
export interface TeamRosters {
  /** Oldest first. */
  sessions: TeamHistorySessionRow[];
  members: TeamHistoryMemberRow[];
}

export interface TeamHistory extends TeamRosters {
  /** In play order. */
  maps: TeamHistoryMapRow[];
}

/**
 * Every session's persistent teams and every paired map's score per team, for whoever follows
 * teams across evenings (team names, head-to-head). Read in one go and cached until the next import.
 */
export class TeamHistoryService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
  ) {}

  /** The teams alone (team names need no scores). */
  rosters(): Promise<TeamRosters> {
    return this.cache.wrap('team-history:rosters', () => this.db.read(readRosters));
  }

  /** Paired maps with their score per persistent team, in play order (reads every R1's attackers: the slow part). */
  maps(): Promise<TeamHistoryMapRow[]> {
    return this.cache.wrap('team-history:maps', async () => (await this.db.read((sql) => readMaps(sql, null))).map(({ order: _order, ...m }) => m));
  }

  /**
   * The paired maps of these sessions only, in play order: what a head-to-head needs (the two sides
   * met in a few sessions; reading every map's attackers takes seconds on a large database).
   */
  mapsOfSessions(sessionIds: readonly number[]): Promise<TeamHistoryMapRow[]> {
    const ids = [...new Set(sessionIds)].sort((a, b) => a - b);
    if (ids.length === 0) return Promise.resolve([]);
    return this.cache.wrap(`team-history:maps:${ids.join(',')}`, () =>
      this.db.read(async (sql) => {
        const maps: (TeamHistoryMapRow & { order: string })[] = [];
        for (let i = 0; i < ids.length; i += SESSIONS_PER_READ) maps.push(...(await readMaps(sql, ids.slice(i, i + SESSIONS_PER_READ))));
        return maps.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.matchId - b.matchId)).map(({ order: _order, ...m }) => m);
      }),
    );
  }

  async all(): Promise<TeamHistory> {
    const [rosters, maps] = await Promise.all([this.rosters(), this.maps()]);
    return { ...rosters, maps };
  }
}

async function readRosters(sql: Sql): Promise<TeamRosters> {
  const sessions = await sql.all('SELECT id, start_local FROM gaming_sessions ORDER BY start_utc, id');
  const members = await sql.all(
    'SELECT stm.session_id, stm.guid, stm.team, p.name FROM session_team_members stm JOIN players p ON p.guid = stm.guid ORDER BY stm.session_id, stm.guid',
  );
  return {
    sessions: sessions.map((s, i) => ({ sessionId: num(s.id), number: i + 1, startLocal: String(s.start_local) })),
    members: members.map((m) => ({ sessionId: num(m.session_id), guid: String(m.guid), name: String(m.name), team: m.team === 'B' ? 'B' : 'A' })),
  };
}

const SESSIONS_PER_READ = 500;

/** The paired maps of every session (`sessionIds` null) or of these; `order` is the match's UTC end. */
async function readMaps(sql: Sql, sessionIds: readonly number[] | null): Promise<(TeamHistoryMapRow & { order: string })[]> {
  const only = sessionIds === null ? '' : ` AND r1.session_id IN ${Sql.list(sessionIds)}`;
  const params = sessionIds ?? [];
  const maps = await sql.all(
    `SELECT m.id, r1.session_id, m.map, r2.ended_at_local, m.ended_at_utc, m.r1_round_id, m.r2_round_id, r1.defender_team AS r1_defender,
            r2.defender_team AS r2_defender, m.score_r1_attackers, m.score_r2_attackers
       FROM matches m JOIN rounds r1 ON r1.id = m.r1_round_id JOIN rounds r2 ON r2.id = m.r2_round_id
      WHERE r1.session_id IS NOT NULL${only}
      ORDER BY m.ended_at_utc, m.id`,
    params,
  );
  // Per R1 round: how many of its attacking side's counted players belong to each persistent team.
  const attackers = await sql.all(
    `SELECT pr.round_id, stm.team, COUNT(*) AS n
       FROM matches m JOIN rounds r1 ON r1.id = m.r1_round_id
       JOIN player_rounds pr ON pr.round_id = r1.id AND pr.counted = TRUE AND pr.team = 3 - r1.defender_team
       JOIN session_team_members stm ON stm.session_id = r1.session_id AND stm.guid = pr.guid
      WHERE TRUE${only}
      GROUP BY pr.round_id, stm.team`,
    params,
  );
  const counts = new Map<number, { A: number; B: number }>();
  for (const a of attackers) {
    const c = counts.get(num(a.round_id)) ?? { A: 0, B: 0 };
    c[a.team === 'B' ? 'B' : 'A'] += num(a.n);
    counts.set(num(a.round_id), c);
  }
  return maps.map((m): TeamHistoryMapRow & { order: string } => {
    const r1RoundId = num(m.r1_round_id);
    const c = counts.get(r1RoundId);
    const r1Attackers: SessionTeam | null = !c || c.A + c.B === 0 ? null : c.A >= c.B ? 'A' : 'B';
    const s1 = num(m.score_r1_attackers, true);
    const s2 = num(m.score_r2_attackers, true);
    const score = s1 === null || s2 === null || r1Attackers === null ? null : r1Attackers === 'A' ? { A: s1, B: s2 } : { A: s2, B: s1 };
    return {
      order: String(m.ended_at_utc),
      matchId: num(m.id),
      sessionId: num(m.session_id),
      map: String(m.map),
      endedAtLocal: String(m.ended_at_local),
      r1RoundId,
      r2RoundId: num(m.r2_round_id),
      r1AttackerSide: num(m.r1_defender) === 1 ? 2 : 1,
      r2AttackerSide: num(m.r2_defender) === 1 ? 2 : 1,
      scoreR1Attackers: s1,
      scoreR2Attackers: s2,
      r1Attackers,
      score,
    };
  });
}
