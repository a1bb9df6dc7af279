import type { Era } from '../types';
import { RENAMES, type Member, type NameVariant } from './community';
import type { Rng } from './rng';

export interface MapInfo {
  map: string;
  timeLimitSeconds: number;
  /** The map's defending side (fixed per map). */
  defender: 1 | 2;
}

export const MAPS: readonly MapInfo[] = [
  { map: 'supply', timeLimitSeconds: 720, defender: 1 },
  { map: 'etl_adlernest', timeLimitSeconds: 600, defender: 1 },
  { map: 'te_escape2', timeLimitSeconds: 720, defender: 1 },
  { map: 'sw_goldrush_te', timeLimitSeconds: 720, defender: 1 },
  { map: 'etl_sp_delivery', timeLimitSeconds: 720, defender: 1 },
  { map: 'erdenberg_t2', timeLimitSeconds: 600, defender: 1 },
  { map: 'et_brewdog', timeLimitSeconds: 600, defender: 2 },
  { map: 'etl_frostbite', timeLimitSeconds: 600, defender: 1 },
  { map: 'braundorf_b4', timeLimitSeconds: 720, defender: 1 },
  { map: 'bremen_b3', timeLimitSeconds: 720, defender: 1 },
  { map: 'etl_ice', timeLimitSeconds: 600, defender: 1 },
];

/** One stopwatch map of a session and the edge cases placed on it. */
export interface MapPlan {
  info: MapInfo;
  r1AttackersSucceed: boolean;
  r2AttackersSucceed: boolean;
  r1WinnerUnknown?: boolean;
  r2WinnerUnknown?: boolean;
  /** R2 header's nextTimeLimit: '0:00' (unset) or a server uptime such as '71:05'. */
  r2NextTimeLimit?: '0:00' | '71:05';
  /** The R1 file never arrived: the R2 is an orphan. */
  r1Missing?: boolean;
  /** The map was left after R1 (no R2): a valid, unpaired R1. */
  noR2?: boolean;
  /** 9th header field written negative on this map's R1 (newer scripts only). */
  negativePlaytimeR1?: boolean;
  leaverAfterR1?: string;
  substituteInR2?: string;
  spectatorInR2?: { key: string; rename?: NameVariant };
  reconnectInR2?: string;
  /** Temporary name used only in this map's R2 (then back to the old one). */
  r2OnlyName?: { key: string; name: NameVariant };
  /** Someone who renames at this map and keeps the new name. */
  renameAtStart?: { key: string; name: NameVariant };
}

export interface SessionPlan {
  era: Era;
  /** Local wall-clock start: date 'YYYY-MM-DD' and minutes after midnight. */
  date: string;
  startMinute: number;
  teamA: string[];
  teamB: string[];
  maps: MapPlan[];
}

const DEFAULT_ERAS: readonly Era[] = [37, 38, 36, 33];

function mapInfo(name: string): MapInfo {
  return MAPS.find((m) => m.map === name)!;
}

/**
 * Sessions 1 and 2 have every edge case of the brief at a fixed place (the committed fixtures
 * and fixtures/README.md rely on it); later sessions draw them at random.
 */
export function planSessions(rng: Rng, members: readonly Member[], sessions: number, era: Era | undefined, startDate: string): SessionPlan[] {
  const plans: SessionPlan[] = [];
  let date = startDate;
  for (let i = 0; i < sessions; i++) {
    const sessionEra = era ?? DEFAULT_ERAS[i % DEFAULT_ERAS.length]!;
    if (i === 0) plans.push(firstEvening(rng, sessionEra, date));
    else if (i === 1) plans.push(secondEvening(rng, sessionEra, date));
    else plans.push(randomEvening(rng, members, sessionEra, date));
    date = addDays(date, 2 + (rng.chance(0.3) ? 1 : 0));
  }
  return plans;
}

function outcome(rng: Rng): Pick<MapPlan, 'r1AttackersSucceed' | 'r2AttackersSucceed'> {
  return { r1AttackersSucceed: rng.chance(0.7), r2AttackersSucceed: rng.chance(0.5) };
}

function firstEvening(rng: Rng, era: Era, date: string): SessionPlan {
  return {
    era,
    date,
    startMinute: 20 * 60 + 30,
    teamA: ['snake', 'slasher', 'question', 'doc', 'spaces', 'caret', 'phantom'],
    teamB: ['gruen', 'oneil', 'clantag', 'arrow', 'rookie', 'pink', 'bot'],
    maps: [
      { info: mapInfo('supply'), r1AttackersSucceed: true, r2AttackersSucceed: true },
      { info: mapInfo('etl_adlernest'), r1AttackersSucceed: false, r2AttackersSucceed: false, leaverAfterR1: 'spaces' },
      {
        info: mapInfo('te_escape2'),
        ...outcome(rng),
        substituteInR2: 'subway',
        spectatorInR2: { key: 'pink', rename: RENAMES.pinkSpectatorName },
      },
      { info: mapInfo('sw_goldrush_te'), r1AttackersSucceed: true, r2AttackersSucceed: false, r2WinnerUnknown: true, r2NextTimeLimit: '0:00' },
      {
        info: mapInfo('etl_sp_delivery'),
        ...outcome(rng),
        r1Missing: true,
        r2OnlyName: { key: 'oneil', name: RENAMES.oneilOrphanName },
      },
    ],
  };
}

function secondEvening(rng: Rng, era: Era, date: string): SessionPlan {
  return {
    era,
    date,
    startMinute: 22 * 60 + 50, // runs past midnight
    teamA: ['snake', 'slasher', 'question', 'doc', 'caret', 'phantom', 'subway'],
    teamB: ['gruen', 'clantag', 'arrow', 'rookie', 'pink', 'viper', 'bot'],
    maps: [
      {
        info: mapInfo('erdenberg_t2'),
        r1AttackersSucceed: false,
        r2AttackersSucceed: true,
        reconnectInR2: 'slasher',
        renameAtStart: { key: 'phantom', name: RENAMES.phantomNewName },
      },
      { info: mapInfo('et_brewdog'), r1AttackersSucceed: true, r2AttackersSucceed: false, r2NextTimeLimit: '71:05' },
      { info: mapInfo('te_escape2'), ...outcome(rng), negativePlaytimeR1: true },
      { info: mapInfo('supply'), r1AttackersSucceed: true, r2AttackersSucceed: false, noR2: true },
      { info: mapInfo('etl_adlernest'), r1AttackersSucceed: true, r2AttackersSucceed: false },
      { info: mapInfo('sw_goldrush_te'), r1AttackersSucceed: false, r2AttackersSucceed: true },
    ],
  };
}

function randomEvening(rng: Rng, members: readonly Member[], era: Era, date: string): SessionPlan {
  const keys = rng.shuffle(members.map((m) => m.key));
  const size = rng.int(8, Math.min(14, keys.length));
  const roster = keys.slice(0, size);
  const teamA = roster.filter((_, i) => i % 2 === 0);
  const teamB = roster.filter((_, i) => i % 2 === 1);
  const bench = keys.slice(size);
  const maps = rng.shuffle([...MAPS]).slice(0, rng.int(3, 6));
  const plans: MapPlan[] = maps.map((info) => {
    const plan: MapPlan = { info, ...outcome(rng) };
    if (rng.chance(0.05)) plan.r1WinnerUnknown = true;
    if (rng.chance(0.05)) plan.r2WinnerUnknown = true;
    if (rng.chance(0.1)) plan.r2NextTimeLimit = '0:00';
    if (rng.chance(0.06)) plan.r1Missing = true;
    else if (rng.chance(0.05)) plan.noR2 = true;
    if (era === 38 && rng.chance(0.05)) plan.negativePlaytimeR1 = true;
    if (rng.chance(0.15)) plan.leaverAfterR1 = rng.pick(teamA);
    if (bench.length > 0 && rng.chance(0.15)) plan.substituteInR2 = bench.splice(rng.int(0, bench.length - 1), 1)[0]!; // then stays
    const others = teamB.filter((k) => k !== 'bot');
    if (rng.chance(0.1) && others.length > 0) plan.spectatorInR2 = { key: rng.pick(others) };
    // eslint-disable-next-line no-dupe-else-if -- each rng.chance() call draws a new number
    else if (rng.chance(0.1) && others.length > 0) plan.reconnectInR2 = rng.pick(others);
    return plan;
  });
  return { era, date, startMinute: rng.int(19 * 60 + 30, 22 * 60), teamA, teamB, maps: plans };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
