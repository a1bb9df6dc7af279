/** Plain values the derivations work on: a player's row as in the file (raw) or as derived. */

export interface WeaponValues {
  weapon: number;
  hits: number;
  shots: number;
  kills: number;
  deaths: number;
  headshots: number;
}

/** Cumulative fields (§4): an R2 file holds R1 + R2 for these. */
export interface CumulativeValues {
  kills: number;
  deaths: number;
  hits: number;
  shots: number;
  headshots: number;
  damageGiven: number;
  damageReceived: number;
  teamDamageGiven: number;
  teamDamageReceived: number;
  gibs: number;
  selfKills: number;
  teamKills: number;
  teamGibs: number;
  /** Ratio of cumulative values: recomputed, never subtracted. */
  alivePercent: number;
  timePlayedTenths: number;
}

/** Per-round fields (§3): reset each round by the Lua, taken as they are. null = the era lacks it. */
export interface PerRoundValues {
  xp: number;
  killingSpree: number;
  deathSpree: number;
  killAssists: number;
  killSteals: number;
  headshotKills: number;
  objectivesStolen: number;
  objectivesReturned: number;
  dynamitesPlanted: number;
  dynamitesDefused: number;
  timesRevived: number;
  timeDeadMinutes: number;
  usefulKills: number;
  deniedPlaytimeSeconds: number | null;
  multikill2: number;
  multikill3: number;
  multikill4: number;
  multikill5: number;
  multikill6: number;
  uselessKills: number | null;
  fullSelfKills: number | null;
  repairs: number | null;
  revivesGiven: number | null;
}

export interface RawPlayer {
  /** The identity the row is stored under: the file's GUID unless that GUID was merged (`!merge`). */
  guid: string;
  /** The GUID in the file, when it was merged into `guid`. */
  sourceGuid?: string;
  lineNumber: number;
  rawName: string;
  cleanName: string;
  isBot: boolean;
  team: number;
  era: number;
  weapons: WeaponValues[];
  cumulative: CumulativeValues;
  perRound: PerRoundValues;
}

export type DerivationKind = 'as-is' | 'r2-minus-r1' | 'r2-reconnect' | 'r2-substitute' | 'orphan';

export interface DerivedWeapon {
  raw: WeaponValues;
  derived: WeaponValues;
}

export interface DerivedPlayer {
  raw: RawPlayer;
  derivation: DerivationKind;
  weapons: DerivedWeapon[];
  cumulative: CumulativeValues;
  /** Minutes x 60 = tenths x 6. */
  timePlayedSeconds: number;
  /** Time played in this round above 0 (§9 Counting). */
  counted: boolean;
}
