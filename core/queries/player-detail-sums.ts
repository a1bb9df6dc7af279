import type { Database } from '../data/database';
import { num, Sql } from '../data/sql';
import { WEAPONS } from '../parsing/weapons';
import { mapSumsSelect, toMapSums, type MapSums } from './map-sums';
import { piecesOfPlayers, ROWS_PER_PIECE } from './player-pieces';
import { percent } from './ratios';
import type { WeaponTotals } from './types';

/** One map's sums over a player's counted rounds, with the first and last round's local end time. */
export interface MapSeen extends MapSums {
  firstSeen: string;
  lastSeen: string;
}

/** A player's all-time weapons (as `PlayerStatsService.weapons` lists them) and maps. */
export interface PlayerDetail {
  weapons: WeaponTotals[];
  maps: MapSeen[];
}

/** Per weapon with any activity, most kills first (the order every weapons list uses). */
export function toWeaponList(rows: Record<string, unknown>[]): WeaponTotals[] {
  return rows
    .map((row) => toWeapon(row))
    .filter((x) => x.kills + x.deaths + x.hits + x.shots > 0)
    .sort((a, b) => b.kills - a.kills || b.shots - a.shots || a.weapon - b.weapon);
}

/** Rounds per read when every player's weapons are summed (a range of the primary key). */
const ROUND_RANGE = 2_000;

/**
 * Every counted weapon sum and map of the given players (every player when `guids` is null), by
 * GUID. Reads come in short pieces, so on SQLite (one connection, reads take turns) a full build
 * lets commands in between; on PostgreSQL the weapon and the map reads run side by side.
 * SQLite sums from its covering index by player; PostgreSQL has none (every imported row would
 * pay for it): a few players' weapon rows are found through their player rows, everybody's by
 * walking the table in ranges of rounds.
 */
export async function aggregatePlayerDetails(db: Database, guids: string[] | null, rowsPerPiece = ROWS_PER_PIECE): Promise<Map<string, PlayerDetail>> {
  const pieces = await piecesOfPlayers(db, guids, rowsPerPiece);
  const weapons = db.kind === 'sqlite' ? weaponSumsFromIndex(db, pieces) : guids === null ? everyonesWeaponSums(db) : weaponSums(db, pieces);
  const [weaponRows, mapRows] = await Promise.all([weapons, mapsSeen(db, pieces)]);
  const result = new Map<string, PlayerDetail>();
  const entry = (guid: string) => {
    let d = result.get(guid);
    if (!d) result.set(guid, (d = { weapons: [], maps: [] }));
    return d;
  };
  for (const r of mapRows) {
    entry(String(r.guid)).maps.push({ ...toMapSums(r), firstSeen: String(r.first_seen), lastSeen: String(r.last_seen) });
  }
  const byGuid = new Map<string, Record<string, unknown>[]>();
  for (const row of weaponRows) {
    const guid = String(row.guid);
    let list = byGuid.get(guid);
    if (!list) byGuid.set(guid, (list = []));
    list.push(row);
  }
  for (const [guid, rows] of byGuid) entry(guid).weapons = toWeaponList(rows);
  return result;
}

/** One read per piece of players (each a turn of its own on SQLite), the rows of all pieces together. */
async function readByPieces(db: Database, pieces: readonly string[][], query: (inList: string) => string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const piece of pieces) rows.push(...(await db.read((sql) => sql.all(query(Sql.list(piece)), piece))));
  return rows;
}

/** SQLite: counted weapon sums per player and weapon, from the covering index ix_weapon_rounds_player_sums. */
function weaponSumsFromIndex(db: Database, pieces: readonly string[][]): Promise<Record<string, unknown>[]> {
  return readByPieces(
    db,
    pieces,
    (guids) => `SELECT wr.guid AS guid, wr.weapon AS weapon, SUM(wr.kills) AS kills, SUM(wr.deaths) AS deaths, SUM(wr.hits) AS hits,
                       SUM(wr.shots) AS shots, SUM(wr.headshots) AS headshots
                  FROM weapon_rounds wr WHERE wr.in_totals = TRUE AND wr.guid IN ${guids} GROUP BY wr.guid, wr.weapon`,
  );
}

/** PostgreSQL: counted weapon sums of a few players, per player and weapon: their player rows lead to their weapon rows. */
function weaponSums(db: Database, pieces: readonly string[][]): Promise<Record<string, unknown>[]> {
  return readByPieces(
    db,
    pieces,
    (guids) => `SELECT wr.guid AS guid, wr.weapon AS weapon, SUM(wr.kills) AS kills, SUM(wr.deaths) AS deaths, SUM(wr.hits) AS hits,
                       SUM(wr.shots) AS shots, SUM(wr.headshots) AS headshots
                  FROM player_rounds pr JOIN weapon_rounds wr ON wr.round_id = pr.round_id AND wr.guid = pr.guid
                 WHERE pr.in_totals = TRUE AND wr.in_totals = TRUE AND pr.guid IN ${guids}
                 GROUP BY wr.guid, wr.weapon`,
  );
}

/** PostgreSQL: every player's counted weapon sums: the table in ranges of round ids, added up here. */
async function everyonesWeaponSums(db: Database): Promise<Record<string, unknown>[]> {
  const maxId = await db.read(async (sql) => num((await sql.one(`SELECT MAX(round_id) AS n FROM weapon_rounds`))?.n));
  const sums = new Map<string, { guid: string; weapon: number; kills: number; deaths: number; hits: number; shots: number; headshots: number }>();
  for (let from = 0; from < maxId; from += ROUND_RANGE) {
    const rows = await db.read((sql) =>
      sql.all(
        `SELECT guid, weapon, SUM(kills) AS kills, SUM(deaths) AS deaths, SUM(hits) AS hits, SUM(shots) AS shots, SUM(headshots) AS headshots
           FROM weapon_rounds WHERE round_id > ? AND round_id <= ? AND in_totals = TRUE GROUP BY guid, weapon`,
        [from, from + ROUND_RANGE],
      ),
    );
    for (const r of rows) {
      const key = `${String(r.guid)}\u0000${num(r.weapon)}`;
      const s = sums.get(key);
      if (!s)
        sums.set(key, {
          guid: String(r.guid),
          weapon: num(r.weapon),
          kills: num(r.kills),
          deaths: num(r.deaths),
          hits: num(r.hits),
          shots: num(r.shots),
          headshots: num(r.headshots),
        });
      else {
        s.kills += num(r.kills);
        s.deaths += num(r.deaths);
        s.hits += num(r.hits);
        s.shots += num(r.shots);
        s.headshots += num(r.headshots);
      }
    }
  }
  return [...sums.values()];
}

/** Maps of the given players with their sums (as `PlayerStatsService.maps` shows them) and first and last time seen. */
function mapsSeen(db: Database, pieces: readonly string[][]): Promise<Record<string, unknown>[]> {
  return readByPieces(
    db,
    pieces,
    (guids) => `SELECT pr.guid AS guid, r.map AS map, ${mapSumsSelect()}, MIN(r.ended_at_local) AS first_seen, MAX(r.ended_at_local) AS last_seen
                  FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id
                 WHERE pr.in_totals = TRUE AND pr.guid IN ${guids} GROUP BY pr.guid, r.map`,
  );
}

function toWeapon(row: Record<string, unknown>): WeaponTotals {
  const weapon = num(row.weapon);
  const hits = num(row.hits);
  const shots = num(row.shots);
  const headshots = num(row.headshots);
  return {
    weapon,
    name: WEAPONS[weapon]?.name ?? `weapon ${weapon}`,
    kills: num(row.kills),
    deaths: num(row.deaths),
    hits,
    shots,
    headshots,
    accuracy: percent(hits, shots),
    headshotPercent: percent(headshots, hits),
  };
}
