import type { Database } from '../data/database';
import { num, Sql } from '../data/sql';
import { WEAPONS } from '../parsing/weapons';
import { percent } from './ratios';
import type { WeaponTotals } from './types';

/** Players per read of a build (a few players' rows each: short turns on SQLite's one connection). */
const CHUNK = 250;

/** One map's counted rounds of a player, with the first and last round's local end time. */
export interface MapSeen {
  map: string;
  rounds: number;
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

/**
 * Every counted weapon sum and map of the given players (every player when `guids` is null), by
 * GUID. A few hundred players per read, so on SQLite (one connection, reads take turns) a full
 * build lets commands in between; on PostgreSQL the weapon and the map reads run side by side.
 */
export async function aggregatePlayerDetails(db: Database, guids: string[] | null): Promise<Map<string, PlayerDetail>> {
  const all = guids ?? (await db.read(async (sql) => (await sql.all<{ guid: string }>('SELECT guid FROM players')).map((r) => String(r.guid))));
  const weaponRows: Record<string, unknown>[] = [];
  const mapRows: Record<string, unknown>[] = [];
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    const [weapons, maps] = await Promise.all([
      db.read((sql) =>
        sql.all(
          `SELECT wr.guid AS guid, wr.weapon AS weapon, SUM(wr.kills) AS kills, SUM(wr.deaths) AS deaths, SUM(wr.hits) AS hits,
                  SUM(wr.shots) AS shots, SUM(wr.headshots) AS headshots
             FROM weapon_rounds wr WHERE wr.in_totals = TRUE AND wr.guid IN ${Sql.list(chunk)} GROUP BY wr.guid, wr.weapon`,
          chunk,
        ),
      ),
      db.read((sql) =>
        sql.all(
          `SELECT pr.guid AS guid, r.map AS map, COUNT(*) AS rounds, MIN(r.ended_at_local) AS first_seen, MAX(r.ended_at_local) AS last_seen
             FROM player_rounds pr JOIN rounds r ON r.id = pr.round_id
            WHERE pr.in_totals = TRUE AND pr.guid IN ${Sql.list(chunk)} GROUP BY pr.guid, r.map`,
          chunk,
        ),
      ),
    ]);
    weaponRows.push(...weapons);
    mapRows.push(...maps);
  }
  const result = new Map<string, PlayerDetail>();
  const entry = (guid: string) => {
    let d = result.get(guid);
    if (!d) result.set(guid, (d = { weapons: [], maps: [] }));
    return d;
  };
  for (const r of mapRows) {
    entry(String(r.guid)).maps.push({ map: String(r.map), rounds: num(r.rounds), firstSeen: String(r.first_seen), lastSeen: String(r.last_seen) });
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
