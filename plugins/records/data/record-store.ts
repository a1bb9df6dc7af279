import { num, Sql, type PluginStorage } from 'etbot/plugin-api';
import type { MapTime, MapTimeKind, RoundBest } from '../record-stats';

const CHUNK = 400;

/** Reads and writes the records tables (migration 1766000000000-records). */
export class RecordStore {
  constructor(private readonly storage: PluginStorage) {}

  version(): Promise<string | null> {
    return this.storage.read(async (sql) => {
      const row = await sql.one("SELECT value FROM records_state WHERE key = 'version'");
      return row ? String(row.value) : null;
    });
  }

  async clear(): Promise<void> {
    await this.storage.transaction(async (sql) => {
      await sql.run('DELETE FROM records_round_bests');
      await sql.run('DELETE FROM records_map_times');
      await sql.run("DELETE FROM records_state WHERE key = 'version'");
    });
  }

  /** Replaces everything stored for these rounds; `version` marks what the tables now reflect. */
  async replaceRounds(roundIds: readonly number[], bests: readonly RoundBest[], times: readonly MapTime[], version?: string): Promise<void> {
    await this.storage.transaction(async (sql) => {
      for (let i = 0; i < roundIds.length; i += CHUNK) {
        const chunk = roundIds.slice(i, i + CHUNK);
        await sql.run(`DELETE FROM records_round_bests WHERE round_id IN ${Sql.list(chunk)}`, [...chunk]);
        await sql.run(`DELETE FROM records_map_times WHERE round_id IN ${Sql.list(chunk)}`, [...chunk]);
      }
      await sql.insertMany(
        'records_round_bests',
        ['stat', 'round_id', 'guid', 'value', 'map', 'file_name', 'ended_at_local'],
        bests.map((b) => [b.stat, b.roundId, b.guid, b.value, b.map, b.fileName, b.endedAtLocal]),
      );
      await sql.insertMany(
        'records_map_times',
        ['kind', 'round_id', 'map', 'seconds', 'file_name', 'ended_at_local'],
        times.map((t) => [t.kind, t.roundId, t.map, t.seconds, t.fileName, t.endedAtLocal]),
      );
      if (version !== undefined) {
        await sql.run("DELETE FROM records_state WHERE key = 'version'");
        await sql.run("INSERT INTO records_state (key, value) VALUES ('version', ?)", [version]);
      }
    });
  }

  /** A stat's best value in any round but `exceptRoundId`, or null when there is none. */
  bestValue(stat: string, exceptRoundId: number): Promise<number | null> {
    return this.storage.read(async (sql) => {
      const row = await sql.one('SELECT value FROM records_round_bests WHERE stat = ? AND round_id <> ? ORDER BY value DESC LIMIT 1', [stat, exceptRoundId]);
      return row ? num(row.value) : null;
    });
  }

  /**
   * Every stat's record in one statement: its first `holders` holders (oldest first: the first to
   * reach a value holds it) and how many rounds and players share it.
   */
  bestOfEach(stats: readonly string[], holders: number, map?: string): Promise<{ rows: RoundBest[]; ties: Map<string, number> }> {
    const onMap = map === undefined ? '' : ' AND b.map = ?';
    const top = `(SELECT MAX(m.value) FROM records_round_bests m WHERE m.stat = ?${onMap.replace('b.map', 'm.map')})`;
    const keys = (stat: string) => (map === undefined ? [stat, stat] : [stat, map, stat, map]);
    const rowsSql = stats.map(
      () =>
        `SELECT * FROM (SELECT * FROM records_round_bests b WHERE b.stat = ?${onMap} AND b.value = ${top} ORDER BY b.ended_at_local, b.round_id, b.guid LIMIT ${holders}) x`,
    );
    const countSql = stats.map(() => `SELECT b.stat, COUNT(*) AS n FROM records_round_bests b WHERE b.stat = ?${onMap} AND b.value = ${top} GROUP BY b.stat`);
    return this.storage.read(async (sql) => {
      const rows = (await sql.all(rowsSql.join(' UNION ALL '), stats.flatMap(keys))).map(toBest);
      const counts = await sql.all(countSql.join(' UNION ALL '), stats.flatMap(keys));
      return { rows, ties: new Map(counts.map((c) => [String(c.stat), num(c.n)])) };
    });
  }

  /** The best `limit` round values of a stat, highest first. */
  top(stat: string, limit: number): Promise<RoundBest[]> {
    return this.storage.read(async (sql) =>
      (await sql.all('SELECT * FROM records_round_bests WHERE stat = ? ORDER BY value DESC, ended_at_local, round_id, guid LIMIT ?', [stat, limit])).map(
        toBest,
      ),
    );
  }

  /** The map's record time of a kind (ties): `fastest` lowest, `margin` highest. */
  mapBest(kind: MapTimeKind, map: string, exceptRoundId?: number): Promise<MapTime[]> {
    const order = kind === 'fastest' ? 'ASC' : 'DESC';
    const except = exceptRoundId === undefined ? '' : ' AND round_id <> ?';
    const params = [kind, map, ...(exceptRoundId === undefined ? [] : [exceptRoundId])];
    return this.storage.read(async (sql) => {
      const top = await sql.one(`SELECT seconds FROM records_map_times WHERE kind = ? AND map = ?${except} ORDER BY seconds ${order} LIMIT 1`, params);
      if (!top) return [];
      const rows = await sql.all(`SELECT * FROM records_map_times WHERE kind = ? AND map = ?${except} AND seconds = ? ORDER BY ended_at_local, round_id`, [
        ...params,
        num(top.seconds),
      ]);
      return rows.map(toTime);
    });
  }

  /** Whether the map has any round in the book (to tell a map from a stat name). */
  hasMap(map: string): Promise<boolean> {
    return this.storage.read(
      async (sql) => (await sql.one('SELECT 1 AS x FROM records_round_bests WHERE stat = ? AND map = ? LIMIT 1', ['kills', map])) !== undefined,
    );
  }

  async forgetRounds(roundIds: readonly number[]): Promise<void> {
    await this.replaceRounds(roundIds, [], []);
  }
}

function toBest(r: Record<string, unknown>): RoundBest {
  return {
    stat: String(r.stat),
    roundId: num(r.round_id),
    guid: String(r.guid),
    value: num(r.value),
    map: String(r.map),
    fileName: String(r.file_name),
    endedAtLocal: String(r.ended_at_local),
  };
}

function toTime(r: Record<string, unknown>): MapTime {
  return {
    kind: String(r.kind) as MapTimeKind,
    roundId: num(r.round_id),
    map: String(r.map),
    seconds: num(r.seconds),
    fileName: String(r.file_name),
    endedAtLocal: String(r.ended_at_local),
  };
}
