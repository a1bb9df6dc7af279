import type { Database } from '../../core/data';

/** Everything the importer stores that ids do not decide, with ids replaced by file names. */
export async function storedSnapshot(db: Database): Promise<Record<string, unknown>> {
  return db.read(async (sql) => {
    const b = (e: string) => sql.bytewise(e);
    const rows = async (query: string) =>
      (await sql.all(query)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])));
    return {
      players: await rows(`SELECT guid, name, name_lower, raw_name, is_bot, name_source_key, first_seen_utc, last_seen_utc FROM players ORDER BY ${b('guid')}`),
      aliases: await rows(
        `SELECT guid, clean_name, clean_name_lower, raw_name, first_seen_utc, last_seen_utc FROM player_aliases ORDER BY ${b('guid')}, ${b('clean_name')}`,
      ),
      rounds: await rows(
        `SELECT r.file_name, r.map, r.round_number, r.server_name, r.defender_team, r.winner_team, r.time_limit_seconds, r.next_time_limit_seconds,
                r.playtime_ms, r.ended_at_local, r.ended_at_utc, r.status, r.attackers_succeeded, r.player_count, p.file_name AS paired, f.name AS file, f.status AS file_status
         FROM rounds r LEFT JOIN rounds p ON p.id = r.paired_round_id JOIN stats_files f ON f.id = r.file_id ORDER BY ${b('r.file_name')}`,
      ),
      matches: await rows(
        `SELECT r1.file_name AS r1, r2.file_name AS r2, m.map, m.ended_at_utc, m.r1_attackers_succeeded, m.r2_attackers_succeeded, m.score_r1_attackers, m.score_r2_attackers
         FROM matches m JOIN rounds r1 ON r1.id = m.r1_round_id JOIN rounds r2 ON r2.id = m.r2_round_id
         WHERE r1.match_id = m.id AND r2.match_id = m.id ORDER BY ${b('r1.file_name')}`,
      ),
      teams: await rows(
        `SELECT s.start_utc, t.guid, t.team FROM session_team_members t JOIN gaming_sessions s ON s.id = t.session_id ORDER BY s.start_utc, ${b('t.guid')}`,
      ),
      sessionOfRound: await rows(`SELECT r.file_name, s.start_utc FROM rounds r JOIN gaming_sessions s ON s.id = r.session_id ORDER BY ${b('r.file_name')}`),
      playerRounds: await rows(
        `SELECT r.file_name, p.* FROM player_rounds p JOIN rounds r ON r.id = p.round_id ORDER BY ${b('r.file_name')}, ${b('p.guid')}`,
      ).then((list) => list.map(({ round_id: _, ...rest }) => rest)),
      weaponRounds: await rows(
        `SELECT r.file_name, w.* FROM weapon_rounds w JOIN rounds r ON r.id = w.round_id ORDER BY ${b('r.file_name')}, ${b('w.guid')}, w.weapon`,
      ).then((list) => list.map(({ round_id: _, ...rest }) => rest)),
    };
  });
}
