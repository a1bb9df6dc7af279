import type { Totals } from './totals';

/** A player as replies name them: identity and display name (latest clean name, §7). */
export interface PlayerRef {
  guid: string;
  name: string;
}

export type PlayerLookup =
  | { kind: 'found'; player: PlayerRef; matchedBy: 'guid' | 'name' | 'alias' | 'partial' }
  /** Several players fit; `candidates` lists at most 10 of `total`. */
  | { kind: 'ambiguous'; query: string; candidates: PlayerRef[]; total: number }
  /** Nobody fits; `suggestions` are close names. */
  | { kind: 'unknown'; query: string; suggestions: PlayerRef[] };

export interface PlayerSummary {
  player: PlayerRef;
  totals: Totals;
  /** Server local time of the first and last counted round, `YYYY-MM-DDTHH:MM:SS`; null without rounds. */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface WeaponTotals {
  /** Index 0..27 (core/parsing WEAPONS). */
  weapon: number;
  /** The name players know it by ("Thompson", "Scoped K43"). */
  name: string;
  kills: number;
  /** Times the player was killed by this weapon. */
  deaths: number;
  hits: number;
  shots: number;
  headshots: number;
  accuracy: number | null;
  headshotPercent: number | null;
}

export interface MapTotals {
  map: string;
  rounds: number;
  /** Rounds the player's side attacked and succeeded in. */
  roundsWonAttacking: number;
  /** Rounds the player's side defended and held. */
  roundsWonDefending: number;
  roundsAttacking: number;
  roundsDefending: number;
  kills: number;
  deaths: number;
  kd: number;
  damageGiven: number;
  timePlayedSeconds: number;
  dpm: number | null;
}

/** Everything `!stats` shows for one player. */
export interface PlayerProfile extends PlayerSummary {
  topWeapons: WeaponTotals[];
  favouriteMap: { map: string; rounds: number } | null;
  /** Other clean names this GUID used, most recent first. */
  otherNames: string[];
}
