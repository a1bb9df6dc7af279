/**
 * Shapes produced by the stats file parser (spec: shared/spec/STATS_FILES.md §1-3, §7-9).
 * Values are the RAW values of one file: R2 files are still cumulative here; the R2 - R1
 * derivation of §4 belongs to the importer.
 */

/** What a file name in a gamestats folder is (§1, §9 "Which files count"). */
export type FileNameKind = 'round' | 'ignored' | 'invalid-round-name';

/** Field counts of the extended (TAB) part of a player line, one per script era (§3). */
export type Era = 33 | 36 | 37 | 38;

export type TeamNumber = 0 | 1 | 2 | 3;

export interface ParsedFileName {
  /** 'YYYY-MM-DD' from the name (server local time, no zone). */
  date: string;
  /** 'HHMMSS' from the name. */
  time: string;
  /** 'YYYY-MM-DDTHH:MM:SS', the round's end in server local time. */
  endedAtLocal: string;
  /** Map string as written in the name (may contain _ - . +). */
  map: string;
  round: 1 | 2;
}

export interface RoundHeader {
  serverName: string;
  serverNameClean: string;
  map: string;
  /** g_customConfig, may be empty. */
  config: string;
  round: 1 | 2;
  defenderTeam: 1 | 2;
  /** 0 = unknown. */
  winnerTeam: 0 | 1 | 2;
  /** 'M:SS' as written (minutes may exceed 59 or be several digits). */
  timeLimit: string;
  /** 'M:SS' as written: a stopwatch target, not a duration; '0:00' and uptimes like '71:05' occur. */
  nextTimeLimit: string;
  timeLimitSeconds: number;
  nextTimeLimitSeconds: number;
  /** Optional 9th field: measured round time in ms; may be 0 or negative. null when absent. */
  playtimeMs: number | null;
}

export interface WeaponStats {
  /** Weapon index 0..27, see WEAPONS. */
  weapon: number;
  hits: number;
  shots: number;
  /** Kills made with this weapon. */
  kills: number;
  /** Times this player was killed BY this weapon. */
  deaths: number;
  /** Head HITS with this weapon (not headshot kills). */
  headshots: number;
}

/**
 * Every extended field of §3 by name. Fields an era lacks are null (unknown, not 0).
 * Fields the spec says to ignore are kept raw under an `ignored...` name.
 */
export interface ExtendedFields {
  /** 0, cumulative */ damageGiven: number;
  /** 1, cumulative */ damageReceived: number;
  /** 2, cumulative */ teamDamageGiven: number;
  /** 3, cumulative */ teamDamageReceived: number;
  /** 4, cumulative */ gibs: number;
  /** 5, cumulative */ selfKills: number;
  /** 6, cumulative */ teamKills: number;
  /** 7, cumulative */ teamGibs: number;
  /** 8, alive % of time in a team (ratio of cumulative values) */ alivePercent: number;
  /** 9, per round */ xp: number;
  /** 10 */ killingSpree: number;
  /** 11 */ deathSpree: number;
  /** 12 */ killAssists: number;
  /** 13 */ killSteals: number;
  /** 14 */ headshotKills: number;
  /** 15 */ objectivesStolen: number;
  /** 16 */ objectivesReturned: number;
  /** 17 */ dynamitesPlanted: number;
  /** 18 */ dynamitesDefused: number;
  /** 19 */ timesRevived: number;
  /** 20, unreliable: use the sum of weapon shots */ ignoredBulletsFired: number;
  /** 21, always 0.0 in real files: compute DPM */ ignoredDpm: number;
  /** 22, minutes with 0.1 precision, cumulative (see PlayerLine.timePlayedTenths) */ timePlayedMinutes: number;
  /** 23, "tank/meatshield" ratio */ ignoredTankMeatshield: number;
  /** 24, time-dead %, may exceed 100 */ ignoredTimeDeadPercent: number;
  /** 25, minutes, per round */ timeDeadMinutes: number;
  /** 26, K/D as written (kills+1 with no deaths) */ ignoredKd: number;
  /** 27 */ usefulKills: number;
  /** 28 (36+ eras; inflated in era 36); null in era 33 */ deniedPlaytimeSeconds: number | null;
  /** 29 (28 in era 33) */ multikill2: number;
  /** 30 (29 in era 33) */ multikill3: number;
  /** 31 (30 in era 33) */ multikill4: number;
  /** 32 (31 in era 33) */ multikill5: number;
  /** 33 (32 in era 33) */ multikill6: number;
  /** 34; null in era 33 */ uselessKills: number | null;
  /** 35; null in era 33 */ fullSelfKills: number | null;
  /** 36; null in eras 33 and 36 */ repairs: number | null;
  /** 37; only era 38, else null */ revivesGiven: number | null;
}

export interface PlayerLine {
  /** 1-based line number in the file (the header is line 1). */
  lineNumber: number;
  /** Identity: GUID8, or for bots 'OMNIBOT0' + clean name. */
  guid: string;
  /** The 8 characters as written ('OMNIBOT0' for bots). */
  guid8: string;
  isBot: boolean;
  rawName: string;
  cleanName: string;
  team: TeamNumber;
  /** One entry per set mask bit, ascending weapon index. */
  weapons: WeaponStats[];
  era: Era;
  ext: ExtendedFields;
  /** Sums over weapons. */
  kills: number;
  deaths: number;
  hits: number;
  shots: number;
  headshots: number;
  /** Field 22 in integer tenths of a minute (20.3 -> 203). */
  timePlayedTenths: number;
}

export interface ParseWarning {
  /** 1-based line number. */
  line: number;
  reason: string;
}

export interface ParsedRound {
  file: ParsedFileName & { name: string };
  header: RoundHeader;
  players: PlayerLine[];
  /** Skipped player lines (§8): the rest of the file is still valid. The first MAX_KEPT_WARNINGS only. */
  warnings: ParseWarning[];
  /** All skipped player lines, those not kept in `warnings` included. */
  warningCount: number;
}

export type ParseResult = { ok: true; round: ParsedRound } | { ok: false; fileName: string; reason: string };

/** A whole file rejected (§8): nothing of it may be stored. */
export class ParseRejection extends Error {
  override readonly name = 'ParseRejection';
  constructor(
    readonly fileName: string,
    /** Human readable, e.g. "header has 6 fields, expected 8 or 9". */
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
  }
}

export interface WeaponInfo {
  index: number;
  code: string;
  name: string;
}
