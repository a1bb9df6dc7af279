import { stripColors } from './names';
import type { Era, ExtendedFields, PlayerLine, TeamNumber, WeaponStats } from './types';

/**
 * Largest count accepted in a weapon block or an integral extended field. Real values are far
 * below it; anything above would overflow a 32-bit database column and sink the whole import.
 */
export const MAX_COUNT = 2147483647;

/** Extended field indexes that hold counts and must be integral (§9 "Line checks"). */
const INTEGRAL_FIELDS = [0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 17, 19, 37];

const MAX_WEAPON_TOKENS = 1 + 5 * 28;
// Reused scratch buffers: the parser is synchronous, so one set per process is enough.
const weaponTokens = new Float64Array(MAX_WEAPON_TOKENS);
const fieldValues = new Float64Array(38);
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Result of one line: the player, or the reason it is skipped. */
export type LineResult = PlayerLine | string;

/**
 * Parses one player line `GUID8\name\rounds\team\mask tokens <space><TAB>f0<TAB>...`, the text
 * being `s.slice(start, end)` (no line terminator). Scans characters rather than splitting
 * so that a file costs a few microseconds.
 */
export function parsePlayerLine(s: string, start: number, end: number, lineNumber: number): LineResult {
  const b1 = s.indexOf('\\', start);
  const b2 = b1 < 0 || b1 >= end ? -1 : s.indexOf('\\', b1 + 1);
  const b3 = b2 < 0 || b2 >= end ? -1 : s.indexOf('\\', b2 + 1);
  const b4 = b3 < 0 || b3 >= end ? -1 : s.indexOf('\\', b3 + 1);
  if (b4 < 0 || b4 >= end) return 'line has fewer than 5 backslash-separated fields';

  const guid8 = s.slice(start, b1);
  const isBot = guid8 === 'OMNIBOT0';
  if (!isBot && !isGuid8(guid8)) return `GUID '${clip(guid8)}' is not 8 upper-case hex digits or OMNIBOT0`;
  const rawName = s.slice(b1 + 1, b2);
  if (b4 !== b3 + 2) return `team '${clip(s.slice(b3 + 1, b4))}' is not 0-3`;
  const teamCode = s.charCodeAt(b3 + 1) - 48;
  if (teamCode < 0 || teamCode > 3) return `team '${s[b3 + 1]}' is not 0-3`;

  // Weapon block: space-separated non-negative integers up to the first TAB.
  let tab = s.indexOf('\t', b4 + 1);
  if (tab < 0 || tab > end) tab = end;
  let blockEnd = tab;
  if (blockEnd > b4 + 1 && s.charCodeAt(blockEnd - 1) === 32) blockEnd--; // the space before the TAB
  let tokenCount = 0;
  let pos = b4 + 1;
  if (pos >= blockEnd) return 'weapon block is empty';
  for (;;) {
    let value = 0;
    const tokenStart = pos;
    while (pos < blockEnd) {
      const c = s.charCodeAt(pos) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
      pos++;
    }
    if (pos === tokenStart || (pos < blockEnd && s.charCodeAt(pos) !== 32)) {
      return `weapon block token ${tokenCount + 1} '${clip(s.slice(tokenStart, nextSpace(s, tokenStart, blockEnd)))}' is not a non-negative integer`;
    }
    if (value > MAX_COUNT) return `weapon block token ${tokenCount + 1} is out of range`;
    if (tokenCount === MAX_WEAPON_TOKENS) return 'weapon block has more tokens than 28 weapons can need';
    weaponTokens[tokenCount++] = value;
    if (pos === blockEnd) break;
    pos++; // the separating space
  }
  const mask = weaponTokens[0]!;
  if (mask >= 0x10000000) return `weapon mask ${mask} has bits above 27`;
  const weaponCount = popcount(mask);
  const expectedTokens = 1 + 5 * weaponCount;
  if (tokenCount !== expectedTokens) {
    return `weapon block has ${tokenCount} tokens, expected ${expectedTokens} for mask ${mask}`;
  }

  // Extended fields: TAB-separated decimals.
  if (tab === end) return 'line has no extended fields (no TAB)';
  let fieldCount = 0;
  pos = tab + 1;
  for (;;) {
    let fieldEnd = s.indexOf('\t', pos);
    if (fieldEnd < 0 || fieldEnd > end) fieldEnd = end;
    if (fieldCount === 38) return `line has more than 38 extended fields`;
    const value = parseDecimal(s, pos, fieldEnd);
    if (value === undefined) {
      return `extended field ${fieldCount} '${clip(s.slice(pos, fieldEnd))}' is not a decimal number`;
    }
    fieldValues[fieldCount++] = value;
    if (fieldEnd === end) break;
    pos = fieldEnd + 1;
  }
  if (fieldCount !== 33 && fieldCount !== 36 && fieldCount !== 37 && fieldCount !== 38) {
    return `line has ${fieldCount} extended fields, expected 33, 36, 37 or 38`;
  }
  for (const i of INTEGRAL_FIELDS) {
    if (i >= fieldCount) break;
    const v = fieldValues[i]!;
    if (!Number.isInteger(v)) return `extended field ${i} '${v}' must be an integer`;
    if (v > MAX_COUNT || v < -MAX_COUNT) return `extended field ${i} is out of range`;
  }

  const weapons: WeaponStats[] = new Array(weaponCount);
  let kills = 0;
  let deaths = 0;
  let hits = 0;
  let shots = 0;
  let headshots = 0;
  let t = 1;
  let w = 0;
  for (let bit = 0; bit < 28; bit++) {
    if ((mask & (1 << bit)) === 0) continue;
    const ws: WeaponStats = {
      weapon: bit,
      hits: weaponTokens[t]!,
      shots: weaponTokens[t + 1]!,
      kills: weaponTokens[t + 2]!,
      deaths: weaponTokens[t + 3]!,
      headshots: weaponTokens[t + 4]!,
    };
    t += 5;
    weapons[w++] = ws;
    hits += ws.hits;
    shots += ws.shots;
    kills += ws.kills;
    deaths += ws.deaths;
    headshots += ws.headshots;
  }

  const cleanName = needsCleaning(rawName) ? stripColors(rawName) : rawName;
  const era = fieldCount as Era;
  const ext = buildExtendedFields(era);
  return {
    lineNumber,
    guid: isBot ? guid8 + cleanName : guid8,
    guid8,
    isBot,
    rawName,
    cleanName,
    team: teamCode as TeamNumber,
    weapons,
    era,
    ext,
    kills,
    deaths,
    hits,
    shots,
    headshots,
    timePlayedTenths: Math.round(ext.timePlayedMinutes * 10),
  };
}

function buildExtendedFields(era: Era): ExtendedFields {
  const f = fieldValues;
  const multi = era === 33 ? 28 : 29; // era 33 has the multikills right after field 27
  return {
    damageGiven: f[0]!,
    damageReceived: f[1]!,
    teamDamageGiven: f[2]!,
    teamDamageReceived: f[3]!,
    gibs: f[4]!,
    selfKills: f[5]!,
    teamKills: f[6]!,
    teamGibs: f[7]!,
    alivePercent: f[8]!,
    xp: f[9]!,
    killingSpree: f[10]!,
    deathSpree: f[11]!,
    killAssists: f[12]!,
    killSteals: f[13]!,
    headshotKills: f[14]!,
    objectivesStolen: f[15]!,
    objectivesReturned: f[16]!,
    dynamitesPlanted: f[17]!,
    dynamitesDefused: f[18]!,
    timesRevived: f[19]!,
    ignoredBulletsFired: f[20]!,
    ignoredDpm: f[21]!,
    timePlayedMinutes: f[22]!,
    ignoredTankMeatshield: f[23]!,
    ignoredTimeDeadPercent: f[24]!,
    timeDeadMinutes: f[25]!,
    ignoredKd: f[26]!,
    usefulKills: f[27]!,
    deniedPlaytimeSeconds: era === 33 ? null : f[28]!,
    multikill2: f[multi]!,
    multikill3: f[multi + 1]!,
    multikill4: f[multi + 2]!,
    multikill5: f[multi + 3]!,
    multikill6: f[multi + 4]!,
    uselessKills: era === 33 ? null : f[34]!,
    fullSelfKills: era === 33 ? null : f[35]!,
    repairs: era === 37 || era === 38 ? f[36]! : null,
    revivesGiven: era === 38 ? f[37]! : null,
  };
}

/** `-?\d+(\.\d+)?` between start and end, or undefined. Exact: same double as Number(text). */
function parseDecimal(s: string, start: number, end: number): number | undefined {
  let pos = start;
  let negative = false;
  if (pos < end && s.charCodeAt(pos) === 45 /* - */) {
    negative = true;
    pos++;
  }
  const intStart = pos;
  let n = 0;
  while (pos < end) {
    const c = s.charCodeAt(pos) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
    pos++;
  }
  if (pos === intStart) return undefined;
  let digits = pos - intStart;
  let scale = 0;
  if (pos < end) {
    if (s.charCodeAt(pos) !== 46 /* . */) return undefined;
    pos++;
    const fracStart = pos;
    while (pos < end) {
      const c = s.charCodeAt(pos) - 48;
      if (c < 0 || c > 9) return undefined;
      n = n * 10 + c;
      pos++;
    }
    scale = pos - fracStart;
    if (scale === 0) return undefined;
    digits += scale;
  }
  // Up to 15 digits the integer n is exact and n / 10^scale is correctly rounded.
  const value = digits <= 15 ? n / POW10[scale]! : Number(s.slice(start, end));
  if (!Number.isFinite(value)) return undefined;
  // 0 - value keeps '-0' as +0.
  return negative && digits <= 15 ? 0 - value : value;
}

function isGuid8(g: string): boolean {
  if (g.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const c = g.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

function needsCleaning(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5e || c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

function popcount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function nextSpace(s: string, from: number, end: number): number {
  const i = s.indexOf(' ', from);
  return i < 0 || i > end ? end : i;
}

/** Keeps quoted bad input short in messages. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
