import type { Era, WeaponStats } from '../types';
import { weaponTotals, type Counters } from './counters';

/** One player line as the Lua writes it, with the numbers it holds. */
export interface WrittenLine {
  guid8: string;
  rawName: string;
  team: 0 | 1 | 2 | 3;
  weapons: WeaponStats[];
  /** Extended fields in file order (era-long), as numbers equal to the written text. */
  fields: number[];
  text: string;
}

export interface HeaderValues {
  serverName: string;
  map: string;
  config: string;
  round: 1 | 2;
  defenderTeam: 1 | 2;
  winnerTeam: 0 | 1 | 2;
  timeLimit: string;
  nextTimeLimit: string;
  playtimeMs: number | null;
}

/** `%s\%s\%s\%d\%d\%d\%s\%s` (+ `\%d` playtime in newer scripts) and a newline. */
export function formatHeader(h: HeaderValues): string {
  const base = `${h.serverName}\\${h.map}\\${h.config}\\${h.round}\\${h.defenderTeam}\\${h.winnerTeam}\\${h.timeLimit}\\${h.nextTimeLimit}`;
  return `${base}${h.playtimeMs === null ? '' : `\\${h.playtimeMs}`}\n`;
}

/** Seconds as the Lua's ConvertTimelimit / formatSecondsToTime print them: `M:SS`. */
export function formatMinutesSeconds(totalSeconds: number): string {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${m}:${s < 10 ? '0' : ''}${s}`;
}

/** Lua roundNum(x, 1): floor(x * 10 + 0.5) / 10. */
function roundNum1(x: number): number {
  return Math.floor(x * 10 + 0.5) / 10;
}

/** C printf("%0.1f"): like toFixed(1) except that exact binary ties round to even. */
export function formatC1(x: number): string {
  const quarter = x * 4; // exact: ties at one decimal can only be x.25 or x.75
  if (Number.isInteger(quarter) && quarter % 2 !== 0) {
    const tenths = Math.floor(x * 10); // exact here
    const even = tenths % 2 === 0 ? tenths : tenths + 1;
    return (even / 10).toFixed(1);
  }
  return x.toFixed(1);
}

/** Which of the 38 fields each era writes, in file order (§3). */
export const ERA_FIELD_ORDER: Record<Era, number[]> = {
  38: range(0, 37),
  37: range(0, 36),
  36: range(0, 35),
  33: [...range(0, 27), ...range(29, 33)],
};
const FLOAT_FIELDS = new Set([8, 21, 22, 23, 24, 25, 26]);

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * A player line exactly as StoreStats() builds it:
 * `%s\%s\%d\%d\%d` + ` %d %d %d %d %d` per weapon with activity + ` \t` + TAB-joined fields + `\n`.
 * `v` is the engine's view at intermission (R2: cumulative fields already summed).
 */
export function formatPlayerLine(
  guid8: string,
  rawName: string,
  roundsCounter: number,
  team: 0 | 1 | 2 | 3,
  v: Counters,
  era: Era,
  overrides: { timeDeadPercent?: number } = {},
): WrittenLine {
  let mask = 0;
  let block = '';
  const weapons: WeaponStats[] = [];
  v.weapons.forEach((w, i) => {
    if (w.shots !== 0 || w.hits !== 0 || w.deaths !== 0 || w.kills !== 0) {
      block += ` ${w.hits} ${w.shots} ${w.kills} ${w.deaths} ${w.headshots}`;
      mask += 2 ** i;
      weapons.push({ weapon: i, hits: w.hits, shots: w.shots, kills: w.kills, deaths: w.deaths, headshots: w.headshots });
    }
  });
  const t = weaponTotals(v);
  const tp = v.teamTimeMs;
  const alivePercent = tp === 0 ? 0 : (100.0 * v.aliveMs) / tp;
  let tank = 0;
  if (v.damageReceived > 1000) {
    const drdr = t.deaths !== 0 ? v.damageReceived / t.deaths / 130 : (v.damageReceived + 1) / 130;
    if (drdr > 3) tank = roundNum1(drdr);
  }
  let timeDeadPercent = 0;
  if (tp > 120000 && (v.deadMs / tp) * 100 > 0) timeDeadPercent = roundNum1((v.deadMs / tp) * 100);
  if (overrides.timeDeadPercent !== undefined) timeDeadPercent = overrides.timeDeadPercent;
  const kd = t.deaths !== 0 ? roundNum1(t.kills / t.deaths) : t.kills + 1;
  const all: number[] = [
    v.damageGiven,
    v.damageReceived,
    v.teamDamageGiven,
    v.teamDamageReceived,
    v.gibs,
    v.selfKills,
    v.teamKills,
    v.teamGibs,
    alivePercent,
    v.xp,
    v.killingSpree,
    v.deathSpree,
    v.killAssists,
    v.killSteals,
    v.headshotKills,
    v.objectivesStolen,
    v.objectivesReturned,
    v.dynamitesPlanted,
    v.dynamitesDefused,
    v.timesRevived,
    t.shots,
    0,
    roundNum1(tp / 1000 / 60),
    tank,
    timeDeadPercent,
    roundNum1(v.deadMs / 60000),
    kd,
    v.usefulKills,
    Math.floor(v.deniedMs / 1000),
    ...v.multikills,
    v.uselessKills,
    v.fullSelfKills,
    v.repairs,
    v.revivesGiven,
  ];
  const texts = ERA_FIELD_ORDER[era].map((i) => (FLOAT_FIELDS.has(i) ? formatC1(all[i]!) : String(all[i]!)));
  const text = `${guid8}\\${rawName}\\${roundsCounter}\\${team}\\${mask}${block} \t${texts.join('\t')}\n`;
  return { guid8, rawName, team, weapons, fields: texts.map(Number), text };
}
