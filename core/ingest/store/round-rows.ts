import { Sql, num, type Row, type SqlValue } from '../../data/sql';
import type { CumulativeValues, DerivedPlayer, PerRoundValues, RawPlayer } from '../derive/types';

const CUMULATIVE: (keyof CumulativeValues)[] = [
  'kills',
  'deaths',
  'hits',
  'shots',
  'headshots',
  'damageGiven',
  'damageReceived',
  'teamDamageGiven',
  'teamDamageReceived',
  'gibs',
  'selfKills',
  'teamKills',
  'teamGibs',
  'alivePercent',
  'timePlayedTenths',
];
const PER_ROUND: (keyof PerRoundValues)[] = [
  'xp',
  'killingSpree',
  'deathSpree',
  'killAssists',
  'killSteals',
  'headshotKills',
  'objectivesStolen',
  'objectivesReturned',
  'dynamitesPlanted',
  'dynamitesDefused',
  'timesRevived',
  'timeDeadMinutes',
  'usefulKills',
  'deniedPlaytimeSeconds',
  'multikill2',
  'multikill3',
  'multikill4',
  'multikill5',
  'multikill6',
  'uselessKills',
  'fullSelfKills',
  'repairs',
  'revivesGiven',
];
const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const COLUMN = Object.fromEntries([...CUMULATIVE, ...PER_ROUND].map((c) => [c, snake(c)])) as Record<string, string>;
const RAW_COLUMN = Object.fromEntries(CUMULATIVE.map((c) => [c, `raw_${snake(c)}`])) as Record<string, string>;

export const PLAYER_COLUMNS = [
  'round_id',
  'guid',
  'line_number',
  'raw_name',
  'clean_name',
  'team',
  'era',
  'derivation',
  'counted',
  'in_totals',
  ...CUMULATIVE.map((c) => `raw_${snake(c)}`),
  ...CUMULATIVE.map(snake),
  'time_played_seconds',
  ...PER_ROUND.map(snake),
  'source_guid',
];
export const WEAPON_COLUMNS = [
  'round_id',
  'guid',
  'weapon',
  'in_totals',
  'raw_hits',
  'raw_shots',
  'raw_kills',
  'raw_deaths',
  'raw_headshots',
  'hits',
  'shots',
  'kills',
  'deaths',
  'headshots',
];

/** What loadRawPlayers reads of a player_rounds row. */
const RAW_READ_COLUMNS = `guid, source_guid, line_number, raw_name, clean_name, team, era, ${CUMULATIVE.map((c) => `raw_${snake(c)}`).join(', ')}, ${PER_ROUND.map(snake).join(', ')}`;

/** Writes a round's player and weapon rows (raw and derived). `valid`: the round is not an orphan. */
export async function insertRoundRows(sql: Sql, roundId: number, players: readonly DerivedPlayer[], valid: boolean): Promise<void> {
  const { playerRows, weaponRows } = roundRowValues(roundId, players, valid);
  await sql.insertMany('player_rounds', PLAYER_COLUMNS, playerRows);
  await sql.insertMany('weapon_rounds', WEAPON_COLUMNS, weaponRows);
}

/**
 * PostgreSQL: the inserts of a round's player and weapon rows as WITH items, their round_id taken
 * from `roundIdQuery` (e.g. the id a sibling WITH item's INSERT ... RETURNING gives), so that the
 * round and its rows are written in one round trip.
 */
export async function roundRowsWithItems(
  sql: Sql,
  roundIdQuery: string,
  players: readonly DerivedPlayer[],
  valid: boolean,
): Promise<{ sql: string; params: SqlValue[] }[]> {
  const { playerRows, weaponRows } = roundRowValues(0, players, valid);
  const items: { sql: string; params: SqlValue[] }[] = [];
  for (const [name, table, columns, rows] of [
    ['new_player_rounds', 'player_rounds', PLAYER_COLUMNS, playerRows],
    ['new_weapon_rounds', 'weapon_rounds', WEAPON_COLUMNS, weaponRows],
  ] as const) {
    if (rows.length === 0) continue;
    const insert = await sql.unnestInsert(
      table,
      columns.slice(1),
      rows.map((r) => r.slice(1)),
    );
    const head = `INSERT INTO ${table} (`;
    const select = ') SELECT unnest(';
    if (!insert.sql.startsWith(head) || !insert.sql.includes(select)) throw new Error(`unexpected unnest insert for ${table}`);
    const text = `INSERT INTO ${table} (round_id, ${insert.sql.slice(head.length).replace(select, `) SELECT (${roundIdQuery}), unnest(`)}`;
    items.push({ sql: `${name} AS (${text})`, params: insert.params });
  }
  return items;
}

/** The values of a round's player_rounds and weapon_rounds rows, in PLAYER_COLUMNS / WEAPON_COLUMNS order (bulk writers use it too). */
export function roundRowValues(roundId: number, players: readonly DerivedPlayer[], valid: boolean): { playerRows: SqlValue[][]; weaponRows: SqlValue[][] } {
  const playerRows: SqlValue[][] = [];
  const weaponRows: SqlValue[][] = [];
  for (const p of players) {
    const r = p.raw;
    const inTotals = valid && p.counted;
    playerRows.push([
      roundId,
      r.guid,
      r.lineNumber,
      r.rawName,
      r.cleanName,
      r.team,
      r.era,
      p.derivation,
      p.counted,
      inTotals,
      ...CUMULATIVE.map((c) => r.cumulative[c]),
      ...CUMULATIVE.map((c) => p.cumulative[c]),
      p.timePlayedSeconds,
      ...PER_ROUND.map((c) => r.perRound[c]),
      r.sourceGuid ?? null,
    ]);
    for (const w of p.weapons) {
      weaponRows.push([
        roundId,
        r.guid,
        w.raw.weapon,
        inTotals,
        w.raw.hits,
        w.raw.shots,
        w.raw.kills,
        w.raw.deaths,
        w.raw.headshots,
        w.derived.hits,
        w.derived.shots,
        w.derived.kills,
        w.derived.deaths,
        w.derived.headshots,
      ]);
    }
  }
  return { playerRows, weaponRows };
}

export async function deleteRoundRows(sql: Sql, roundIds: readonly number[]): Promise<void> {
  if (roundIds.length === 0) return;
  await sql.run(`DELETE FROM weapon_rounds WHERE round_id IN ${Sql.list(roundIds)}`, roundIds);
  await sql.run(`DELETE FROM player_rounds WHERE round_id IN ${Sql.list(roundIds)}`, roundIds);
}

/** Reads a round's raw rows back, exactly as they were imported. */
export async function loadRawPlayers(sql: Sql, roundId: number): Promise<RawPlayer[]> {
  if (sql.kind === 'postgres') {
    // One round trip: each player's weapons as a JSON array of integer arrays (exact).
    const rows = await sql.all(
      `SELECT ${RAW_READ_COLUMNS.replace(/(^|, )/g, '$1p.')},
         (SELECT json_agg(json_build_array(w.weapon, w.raw_hits, w.raw_shots, w.raw_kills, w.raw_deaths, w.raw_headshots) ORDER BY w.weapon)
          FROM weapon_rounds w WHERE w.round_id = p.round_id AND w.guid = p.guid) AS weapons
       FROM player_rounds p WHERE p.round_id = ? ORDER BY p.line_number`,
      [roundId],
    );
    const byGuid = new Map<string, RawPlayer['weapons']>();
    for (const row of rows) {
      const list = (row.weapons ?? []) as number[][];
      byGuid.set(
        String(row.guid),
        list.map(([weapon, hits, shots, kills, deaths, headshots]) => ({
          weapon: weapon!,
          hits: hits!,
          shots: shots!,
          kills: kills!,
          deaths: deaths!,
          headshots: headshots!,
        })),
      );
    }
    return toRawPlayers(rows, byGuid);
  }
  return (await loadRawPlayersOfRounds(sql, [roundId])).get(roundId)!;
}

/** loadRawPlayers for many rounds in two statements, optionally only the rows of `guids` (a merge rewrites thousands of rounds). */
export async function loadRawPlayersOfRounds(sql: Sql, roundIds: readonly number[], guids?: readonly string[]): Promise<Map<number, RawPlayer[]>> {
  const out = new Map<number, RawPlayer[]>(roundIds.map((id) => [id, []]));
  if (roundIds.length === 0) return out;
  const only = guids ? ` AND guid IN ${Sql.list(guids)}` : '';
  const params = [...roundIds, ...(guids ?? [])];
  const rows = await sql.all(
    `SELECT round_id, ${RAW_READ_COLUMNS} FROM player_rounds WHERE round_id IN ${Sql.list(roundIds)}${only} ORDER BY round_id, line_number`,
    params,
  );
  const weapons = await sql.all(
    `SELECT round_id, guid, weapon, raw_hits, raw_shots, raw_kills, raw_deaths, raw_headshots FROM weapon_rounds WHERE round_id IN ${Sql.list(roundIds)}${only}
     ORDER BY round_id, guid, weapon`,
    params,
  );
  const weaponsOf = new Map<string, RawPlayer['weapons']>();
  for (const w of weapons) {
    const key = `${num(w.round_id)}\u0000${String(w.guid)}`;
    let list = weaponsOf.get(key);
    if (!list) weaponsOf.set(key, (list = []));
    list.push({
      weapon: num(w.weapon),
      hits: num(w.raw_hits),
      shots: num(w.raw_shots),
      kills: num(w.raw_kills),
      deaths: num(w.raw_deaths),
      headshots: num(w.raw_headshots),
    });
  }
  const byRound = new Map<number, Row[]>();
  for (const row of rows) {
    const id = num(row.round_id);
    let list = byRound.get(id);
    if (!list) byRound.set(id, (list = []));
    list.push(row);
  }
  for (const [id, list] of byRound) {
    const byGuid = new Map(list.map((r) => [String(r.guid), weaponsOf.get(`${id}\u0000${String(r.guid)}`) ?? []]));
    out.set(id, toRawPlayers(list, byGuid));
  }
  return out;
}

/**
 * Raw players exactly as loadRawPlayers would read them back once stored: in line order, weapons
 * by number, per-round values the era lacks as null, bots known by their GUID.
 */
export function rawPlayersAsStored(raw: readonly RawPlayer[]): RawPlayer[] {
  return [...raw]
    .sort((a, b) => a.lineNumber - b.lineNumber)
    .map((p) => {
      const cumulative = {} as CumulativeValues;
      for (const c of CUMULATIVE) cumulative[c] = p.cumulative[c] ?? 0;
      const perRound = {} as Record<keyof PerRoundValues, number | null>;
      for (const c of PER_ROUND) perRound[c] = p.perRound[c] ?? null;
      return {
        guid: p.guid,
        ...(p.sourceGuid ? { sourceGuid: p.sourceGuid } : {}),
        lineNumber: p.lineNumber,
        rawName: p.rawName,
        cleanName: p.cleanName,
        isBot: p.guid.startsWith('OMNIBOT0'),
        team: p.team,
        era: p.era,
        weapons: [...p.weapons]
          .sort((a, b) => a.weapon - b.weapon)
          .map((w) => ({ weapon: w.weapon, hits: w.hits, shots: w.shots, kills: w.kills, deaths: w.deaths, headshots: w.headshots })),
        cumulative,
        perRound: perRound as unknown as PerRoundValues,
      };
    });
}

function toRawPlayers(rows: readonly Row[], byGuid: ReadonlyMap<string, RawPlayer['weapons']>): RawPlayer[] {
  return rows.map((row) => {
    const cumulative = {} as CumulativeValues;
    for (const c of CUMULATIVE) cumulative[c] = num(row[RAW_COLUMN[c]]);
    const perRound = {} as Record<keyof PerRoundValues, number | null>;
    for (const c of PER_ROUND) perRound[c] = num(row[COLUMN[c]], true);
    const guid = String(row.guid);
    return {
      guid,
      ...(row.source_guid ? { sourceGuid: String(row.source_guid) } : {}),
      lineNumber: num(row.line_number),
      rawName: String(row.raw_name),
      cleanName: String(row.clean_name),
      isBot: guid.startsWith('OMNIBOT0'),
      team: num(row.team),
      era: num(row.era),
      weapons: byGuid.get(guid) ?? [],
      cumulative,
      perRound: perRound as unknown as PerRoundValues,
    };
  });
}

/** Sets in_totals of a round's rows after its status changed. */
export async function setRoundInTotals(sql: Sql, roundId: number, valid: boolean): Promise<void> {
  if (valid) {
    await sql.run(`UPDATE player_rounds SET in_totals = counted WHERE round_id = ?`, [roundId]);
    await sql.run(
      `UPDATE weapon_rounds SET in_totals = (SELECT p.counted FROM player_rounds p WHERE p.round_id = weapon_rounds.round_id AND p.guid = weapon_rounds.guid) WHERE round_id = ?`,
      [roundId],
    );
  } else {
    await sql.run(`UPDATE player_rounds SET in_totals = ? WHERE round_id = ?`, [false, roundId]);
    await sql.run(`UPDATE weapon_rounds SET in_totals = ? WHERE round_id = ?`, [false, roundId]);
  }
}
