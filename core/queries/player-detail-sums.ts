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
 * walking the table in ranges of rounds. Everybody's maps come from such a walk on both.
 */
export async function aggregatePlayerDetails(
  db: Database,
  guids: string[] | null,
  rowsPerPiece = ROWS_PER_PIECE,
  roundsPerRange = ROUND_RANGE,
): Promise<Map<string, PlayerDetail>> {
  const pieces = await piecesOfPlayers(db, guids, rowsPerPiece);
  const weapons = db.kind === 'sqlite' ? weaponSumsFromIndex(db, pieces) : guids === null ? everyonesWeaponSums(db) : weaponSums(db, pieces);
  const maps = guids === null ? everyonesMaps(db, roundsPerRange) : mapsOfPlayers(db, pieces);
  const [weaponRows, mapRows] = await Promise.all([weapons, maps]);
  const result = new Map<string, PlayerDetail>();
  const entry = (guid: string) => {
    let d = result.get(guid);
    if (!d) result.set(guid, (d = { weapons: [], maps: [] }));
    return d;
  };
  for (const seen of mapRows.values()) entry(seen.guid).maps.push(seen.map);
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

/** Per player and map: the sums `PlayerStatsService.maps` shows, and the first and last round. */
function mapsQuery(filter: string): string {
  return `SELECT pr.guid AS guid, r.map AS map, ${mapSumsSelect()}, MIN(r.ended_at_local) AS first_seen, MAX(r.ended_at_local) AS last_seen
            FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id
           WHERE pr.in_totals = TRUE AND ${filter} GROUP BY pr.guid, r.map`;
}

/** Each player's maps (keyed by GUID and map name), as the reads so far added them up. */
type MapsSeen = Map<string, { guid: string; map: MapSeen }>;

/** The maps of a few players, a piece of players a read. */
async function mapsOfPlayers(db: Database, pieces: readonly string[][]): Promise<MapsSeen> {
  const merged: MapsSeen = new Map();
  for (const piece of pieces) addMapRows(merged, await db.read((sql) => sql.all(mapsQuery(`pr.guid IN ${Sql.list(piece)}`), piece)));
  return merged;
}

/**
 * Every player's maps, in ranges of round ids (each a turn of its own on SQLite), added up as they
 * come: the summed columns are not in the index by player, and reading them a piece of players at
 * a time takes 2.5 times as long (SQLite 2.9 s against 2.0 s at 100,000 rounds, the longest read
 * 0.2 s against 0.1 s; PostgreSQL 9 s against 2.2 s).
 */
async function everyonesMaps(db: Database, roundsPerRange: number): Promise<MapsSeen> {
  const maxId = await db.read(async (sql) => num((await sql.one(`SELECT MAX(round_id) AS n FROM player_rounds`))?.n));
  const merged: MapsSeen = new Map();
  for (let from = 0; from < maxId; from += roundsPerRange) {
    addMapRows(merged, await db.read((sql) => sql.all(mapsQuery('pr.round_id > ? AND pr.round_id <= ?'), [from, from + roundsPerRange])));
  }
  return merged;
}

/** Adds rows (per player and map, of one read) to what earlier reads gave. */
function addMapRows(merged: MapsSeen, rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const guid = String(row.guid);
    const seen = toMapSeen(row);
    const key = `${guid}\u0000${seen.map}`;
    const into = merged.get(key)?.map;
    if (!into) {
      merged.set(key, { guid, map: seen });
      continue;
    }
    into.rounds += seen.rounds;
    into.kills += seen.kills;
    into.deaths += seen.deaths;
    into.damageGiven += seen.damageGiven;
    into.seconds += seen.seconds;
    into.roundsAttacking += seen.roundsAttacking;
    into.roundsDefending += seen.roundsDefending;
    into.wonAttacking += seen.wonAttacking;
    into.wonDefending += seen.wonDefending;
    if (seen.firstSeen < into.firstSeen) into.firstSeen = seen.firstSeen;
    if (seen.lastSeen > into.lastSeen) into.lastSeen = seen.lastSeen;
  }
}

/**
 * Written out as one object literal: about 15,000 of these are kept at 100,000 rounds, and a
 * spread (`{ ...toMapSums(row), firstSeen }`) makes each a dictionary of about 4 times the size.
 */
function toMapSeen(row: Record<string, unknown>): MapSeen {
  const s = toMapSums(row);
  return {
    map: s.map,
    rounds: s.rounds,
    kills: s.kills,
    deaths: s.deaths,
    damageGiven: s.damageGiven,
    seconds: s.seconds,
    roundsAttacking: s.roundsAttacking,
    roundsDefending: s.roundsDefending,
    wonAttacking: s.wonAttacking,
    wonDefending: s.wonDefending,
    firstSeen: String(row.first_seen),
    lastSeen: String(row.last_seen),
  };
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
