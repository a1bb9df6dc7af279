import type { DataSource } from 'typeorm';
import { Database } from '../data/database';
import { num, type Sql } from '../data/sql';
import { accuracy, dpm, kd } from '../ingest/derive/ratios';
import type { ExportPlayer, ExportRound, ExportSession } from './types';

const SUMS = [
  'time_played_seconds',
  'kills',
  'deaths',
  'headshots',
  'hits',
  'shots',
  'damage_given',
  'damage_received',
  'team_damage_given',
  'team_damage_received',
  'gibs',
  'self_kills',
  'team_kills',
  'team_gibs',
  'xp',
  'times_revived',
  'kill_assists',
  'dynamites_planted',
] as const;

export interface ExportPlayersOptions {
  /**
   * One row per GUID as written in the files, each with the `identity` it belongs to, instead of
   * one row per player (GUIDs merged with `!merge` summed under the identity's GUID).
   */
  perGuid?: boolean;
}

/** Every player with a counted row in a non-orphan round, sorted by GUID (spec §9). */
export async function exportPlayers(source: Database | DataSource, options: ExportPlayersOptions = {}): Promise<ExportPlayer[]> {
  return asDatabase(source).read(async (sql) => {
    const key = options.perGuid ? 'COALESCE(source_guid, guid)' : 'guid';
    const rows = await sql.all(
      `SELECT t.*, COALESCE(own.name, p.name) AS name, COALESCE(i.identity_guid, t.guid) AS identity FROM (
         SELECT ${key} AS guid, COUNT(*) AS rounds, ${SUMS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}, SUM(revives_given) AS revives_given
         FROM player_rounds WHERE in_totals = ? GROUP BY ${key}
       ) t LEFT JOIN player_identities i ON i.guid = t.guid
       LEFT JOIN players own ON own.guid = t.guid LEFT JOIN players p ON p.guid = COALESCE(i.identity_guid, t.guid)`,
      [true],
    );
    const ownNames = options.perGuid ? await mergedGuidNames(sql) : new Map<string, string>();
    return rows
      .map((r): ExportPlayer => {
        const s = (c: string): number => num(r[c]);
        const seconds = s('time_played_seconds');
        return {
          guid: String(r.guid),
          ...(options.perGuid ? { identity: String(r.identity) } : {}),
          name: ownNames.get(String(r.guid)) ?? String(r.name),
          rounds: s('rounds'),
          timePlayedSeconds: seconds,
          kills: s('kills'),
          deaths: s('deaths'),
          headshots: s('headshots'),
          hits: s('hits'),
          shots: s('shots'),
          damageGiven: s('damage_given'),
          damageReceived: s('damage_received'),
          teamDamageGiven: s('team_damage_given'),
          teamDamageReceived: s('team_damage_received'),
          gibs: s('gibs'),
          selfKills: s('self_kills'),
          teamKills: s('team_kills'),
          teamGibs: s('team_gibs'),
          xp: s('xp'),
          timesRevived: s('times_revived'),
          revivesGiven: num(r.revives_given, true),
          killAssists: s('kill_assists'),
          dynamitesPlanted: s('dynamites_planted'),
          kd: kd(s('kills'), s('deaths')),
          accuracy: accuracy(s('hits'), s('shots')),
          dpm: dpm(s('damage_given'), seconds) ?? 0,
        };
      })
      .sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0));
  });
}

/** The name each merged GUID had itself: its clean name in its latest non-orphan round (§9 Clean names). */
async function mergedGuidNames(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.all(
    `SELECT p.source_guid, p.clean_name, r.ended_at_utc, r.file_name FROM player_rounds p JOIN rounds r ON r.id = p.round_id
     WHERE p.source_guid IS NOT NULL AND r.status = 'valid'`,
  );
  const latest = new Map<string, { key: string; name: string }>();
  for (const r of rows) {
    const key = `${String(r.ended_at_utc)}|${String(r.file_name)}`;
    const seen = latest.get(String(r.source_guid));
    if (!seen || key > seen.key) latest.set(String(r.source_guid), { key, name: String(r.clean_name) });
  }
  return new Map([...latest].map(([guid, v]) => [guid, v.name]));
}

/** Every accepted round in time order (then file name). */
export async function exportRounds(source: Database | DataSource): Promise<ExportRound[]> {
  return asDatabase(source).read(async (sql) => {
    const index = await sessionIndex(sql);
    const rows = await sql.all(
      `SELECT r.file_name, r.map, r.round_number, r.ended_at_local, r.status, r.session_id, r.player_count,
              p.file_name AS paired_file, m.score_r1_attackers, m.score_r2_attackers
       FROM rounds r
       LEFT JOIN rounds p ON p.id = r.paired_round_id
       LEFT JOIN matches m ON m.id = r.match_id
       ORDER BY r.ended_at_utc, ${sql.bytewise('r.file_name')}`,
    );
    return rows.map((r) => ({
      file: String(r.file_name),
      map: String(r.map),
      round: num(r.round_number) as 1 | 2,
      endedAt: String(r.ended_at_local),
      status: String(r.status) as 'valid' | 'orphan',
      pairedWith: r.paired_file === null || r.paired_file === undefined ? null : String(r.paired_file),
      session: index.get(num(r.session_id)) ?? 0,
      players: num(r.player_count),
      // The map score belongs to the match: shown on its R2.
      score:
        num(r.round_number) !== 2 || r.score_r1_attackers === null || r.score_r1_attackers === undefined
          ? null
          : { r1Attackers: num(r.score_r1_attackers), r2Attackers: num(r.score_r2_attackers) },
    }));
  });
}

/** Gaming sessions in time order, numbered from 1. */
export async function exportSessions(source: Database | DataSource): Promise<ExportSession[]> {
  return asDatabase(source).read(async (sql) => {
    const rows = await sql.all(`SELECT id, start_local, end_local, round_count, map_count FROM gaming_sessions ORDER BY start_utc, server_id, id`);
    return rows.map((r, i) => ({ index: i + 1, start: String(r.start_local), end: String(r.end_local), rounds: num(r.round_count), maps: num(r.map_count) }));
  });
}

async function sessionIndex(sql: Sql): Promise<Map<number, number>> {
  const rows = await sql.all(`SELECT id FROM gaming_sessions ORDER BY start_utc, server_id, id`);
  return new Map(rows.map((r, i) => [num(r.id), i + 1]));
}

/** Accepts the app's Database or a bare (initialised) TypeORM DataSource. */
function asDatabase(source: Database | DataSource): Database {
  if (source instanceof Database) return source;
  const kind = source.options.type === 'postgres' ? 'postgres' : 'sqlite';
  return new Database(source, kind, kind);
}
