/**
 * Plain data the chart renderers take. The data layer (last-session plugin, compare command)
 * fills these from queries; the charts know nothing about the database.
 */

export interface SessionPlayerStats {
  /** Raw in-game name; colour codes are stripped by the renderer. */
  name: string;
  kills: number;
  deaths: number;
  /** Damage per minute of time played. */
  dpm: number;
  /** Hit percentage 0..100, or null when the player fired no tracked shots. */
  accuracy: number | null;
  timePlayedSeconds: number;
  timeDeadSeconds: number;
  damageGiven: number;
  damageReceived: number;
}

export interface WeaponKills {
  /** Display name of the weapon (e.g. "MP40"). */
  name: string;
  kills: number;
}

export interface SessionChartData {
  /** Shown as the image title, e.g. "Session 2026-11-23 · 8 maps". */
  title: string;
  players: SessionPlayerStats[];
  weapons: WeaponKills[];
}

/** One player's raw per-round figures for the compare radar; the renderer normalises them. */
export interface RadarPlayerStats {
  name: string;
  /** Kills per death (deaths 0 => pass kills). */
  killDeathRatio: number;
  dpm: number;
  /** Hit percentage 0..100, or null when unknown. */
  accuracy: number | null;
  /** Headshot hits as a percentage of hits 0..100, or null when unknown. */
  headshotPercent: number | null;
  revivesPerRound: number;
  objectivesPerRound: number;
}

export interface RadarChartData {
  /** Shown as the chart title, e.g. "Compare · last 30 days". */
  title: string;
  players: [RadarPlayerStats, RadarPlayerStats];
}
