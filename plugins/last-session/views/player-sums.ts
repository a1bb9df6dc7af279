import type { SessionRoundStatRow } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';

/** Fields some eras' files lack (spec §3): null in the rows of those rounds. */
export type EraField = 'deniedPlaytimeSeconds' | 'uselessKills' | 'repairs' | 'revivesGiven';

/** One player's rows of a session that count in totals, summed (sprees: the best round's). */
export interface PlayerSums {
  guid: string;
  name: string;
  team: TeamId | null;
  rounds: number;
  timePlayedSeconds: number;
  timeDeadSeconds: number;
  kills: number;
  deaths: number;
  headshotKills: number;
  gibs: number;
  killAssists: number;
  killSteals: number;
  damageGiven: number;
  damageReceived: number;
  /** Best killing spree and worst death spree of any one round (the files give them per round). */
  killingSpree: number;
  deathSpree: number;
  usefulKills: number;
  objectivesStolen: number;
  objectivesReturned: number;
  dynamitesPlanted: number;
  dynamitesDefused: number;
  timesRevived: number;
  /** 2, 3, 4, 5 and 6 kills in a row. */
  multikills: [number, number, number, number, number];
  /** Null when none of the player's rounds' files has the field. */
  deniedPlaytimeSeconds: number | null;
  uselessKills: number | null;
  repairs: number | null;
  revivesGiven: number | null;
}

const SUMMED = [
  'timePlayedSeconds',
  'kills',
  'deaths',
  'headshotKills',
  'gibs',
  'killAssists',
  'killSteals',
  'damageGiven',
  'damageReceived',
  'usefulKills',
  'objectivesStolen',
  'objectivesReturned',
  'dynamitesPlanted',
  'dynamitesDefused',
  'timesRevived',
] as const;

const ERA_FIELDS: readonly EraField[] = ['deniedPlaytimeSeconds', 'uselessKills', 'repairs', 'revivesGiven'];

/** Sums each player's counted rows (spec §9 Counting), by name. */
export function sumPlayerRows(rows: readonly SessionRoundStatRow[]): PlayerSums[] {
  const sums = new Map<string, PlayerSums>();
  for (const row of rows) {
    if (!row.inTotals) continue;
    let s = sums.get(row.guid);
    if (!s) {
      s = emptySums(row.guid, row.name, row.team);
      sums.set(row.guid, s);
    }
    s.rounds++;
    for (const key of SUMMED) s[key] += row[key];
    // Minutes x 60 rounded half up, as the session totals count time dead (spec §9 Time).
    s.timeDeadSeconds += Math.round(row.timeDeadMinutes * 60);
    s.killingSpree = Math.max(s.killingSpree, row.killingSpree);
    s.deathSpree = Math.max(s.deathSpree, row.deathSpree);
    for (let i = 0; i < 5; i++) s.multikills[i]! += row.multikills[i]!;
    for (const key of ERA_FIELDS) {
      const value = row[key];
      if (value !== null) s[key] = (s[key] ?? 0) + value;
    }
  }
  return [...sums.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Era fields no counted row of the session has: the views name them instead of showing zeros. */
export function missingEraFields(rows: readonly SessionRoundStatRow[]): Set<EraField> {
  const missing = new Set<EraField>(ERA_FIELDS);
  for (const row of rows) {
    if (!row.inTotals) continue;
    for (const key of ERA_FIELDS) if (row[key] !== null) missing.delete(key);
  }
  return missing;
}

function emptySums(guid: string, name: string, team: TeamId | null): PlayerSums {
  return {
    guid,
    name,
    team,
    rounds: 0,
    timePlayedSeconds: 0,
    timeDeadSeconds: 0,
    kills: 0,
    deaths: 0,
    headshotKills: 0,
    gibs: 0,
    killAssists: 0,
    killSteals: 0,
    damageGiven: 0,
    damageReceived: 0,
    killingSpree: 0,
    deathSpree: 0,
    usefulKills: 0,
    objectivesStolen: 0,
    objectivesReturned: 0,
    dynamitesPlanted: 0,
    dynamitesDefused: 0,
    timesRevived: 0,
    multikills: [0, 0, 0, 0, 0],
    deniedPlaytimeSeconds: null,
    uselessKills: null,
    repairs: null,
    revivesGiven: null,
  };
}
