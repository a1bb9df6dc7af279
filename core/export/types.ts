/** The export format of spec §9 (`etbot export`). */
export interface ExportPlayer {
  guid: string;
  /** With `perGuid` only: the player (identity GUID) this GUID belongs to; itself when not merged. */
  identity?: string;
  name: string;
  rounds: number;
  timePlayedSeconds: number;
  kills: number;
  deaths: number;
  headshots: number;
  hits: number;
  shots: number;
  damageGiven: number;
  damageReceived: number;
  teamDamageGiven: number;
  teamDamageReceived: number;
  gibs: number;
  selfKills: number;
  teamKills: number;
  teamGibs: number;
  xp: number;
  timesRevived: number;
  revivesGiven: number | null;
  killAssists: number;
  dynamitesPlanted: number;
  kd: number;
  accuracy: number | null;
  dpm: number;
}

export interface ExportRound {
  file: string;
  map: string;
  round: 1 | 2;
  endedAt: string;
  status: 'valid' | 'orphan';
  pairedWith: string | null;
  session: number;
  players: number;
  score: { r1Attackers: number; r2Attackers: number } | null;
}

export interface ExportSession {
  index: number;
  start: string;
  end: string;
  rounds: number;
  maps: number;
}
