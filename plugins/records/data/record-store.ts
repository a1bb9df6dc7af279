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

  /** The holders of the best value of a stat (ties), optionally on one map, excluding a round. */
  best(stat: string, options: { map?: string; exceptRoundId?: number } = {}): Promise<RoundBest[]> {
    const where = `stat = ?${options.map === undefined ? '' : ' AND map = ?'}${options.exceptRoundId === undefined ? '' : ' AND round_id <> ?'}`;
    const params = [stat, ...(options.map === undefined ? [] : [options.map]), ...(options.exceptRoundId === undefined ? [] : [options.exceptRoundId])];
    return this.storage.read(async (sql) => {
      const top = await sql.one(`SELECT value FROM records_round_bests WHERE ${where} ORDER BY value DESC LIMIT 1`, params);
      if (!top) return [];
      const rows = await sql.all(`SELECT * FROM records_round_bests WHERE ${where} AND value = ? ORDER BY ended_at_local, round_id, guid`, [...params, num(top.value)]);
      return rows.map(toBest);
    });
  }

  /** The holders of every stat's best value (ties), in one statement: the record book's page. */
  bestOfEach(stats: readonly string[], map?: string): Promise<RoundBest[]> {
    const onMap = map === undefined ? '' : ' AND map = ?';
    const parts = stats.map(
      () => `SELECT * FROM (SELECT * FROM records_round_bests b WHERE b.stat = ?${onMap}
                 AND b.value = (SELECT MAX(m.value) FROM records_round_bests m WHERE m.stat = ?${onMap.replace('map', 'm.map')})) x`,
    );
    const params = stats.flatMap((stat) => (map === undefined ? [stat, stat] : [stat, map, stat, map]));
    return this.storage.read(async (sql) => (await sql.all(`${parts.join(' UNION ALL ')} ORDER BY ended_at_local, round_id, guid`, params)).map(toBest));
  }

  /** The best `limit` round values of a stat, highest first. */
  top(stat: string, limit: number): Promise<RoundBest[]> {
    return this.storage.read(async (sql) =>
      (await sql.all('SELECT * FROM records_round_bests WHERE stat = ? ORDER BY value DESC, ended_at_local, round_id, guid LIMIT ?', [stat, limit])).map(toBest),
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
      const rows = await sql.all(`SELECT * FROM records_map_times WHERE kind = ? AND map = ?${except} AND seconds = ? ORDER BY ended_at_local, round_id`, [...params, num(top.seconds)]);
      return rows.map(toTime);
    });
  }

  /** Whether the map has any round in the book (to tell a map from a stat name). */
  hasMap(map: string): Promise<boolean> {
    return this.storage.read(async (sql) => (await sql.one('SELECT 1 AS x FROM records_round_bests WHERE stat = ? AND map = ? LIMIT 1', ['kills', map])) !== undefined);
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
