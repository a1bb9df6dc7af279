/** One weapon's engine counters. */
export interface WeaponCounter {
  hits: number;
  shots: number;
  kills: number;
  deaths: number;
  headshots: number;
}

/**
 * What one player did in one round, as the engine and the Lua count it. The `cumulative`
 * part is kept by the engine across both rounds of a stopwatch map (§4); the rest is reset
 * by the Lua each round.
 */
export interface Counters {
  weapons: WeaponCounter[]; // 28 entries
  damageGiven: number;
  damageReceived: number;
  teamDamageGiven: number;
  teamDamageReceived: number;
  gibs: number;
  selfKills: number;
  teamKills: number;
  teamGibs: number;
  /** Time in a team, ms (engine sess.time_axis + time_allies). */
  teamTimeMs: number;
  /** Time alive, ms (engine sess.time_played). */
  aliveMs: number;
  // Per round:
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
  deadMs: number;
  usefulKills: number;
  deniedMs: number;
  multikills: number[]; // 2..6 kills in a row
  uselessKills: number;
  fullSelfKills: number;
  repairs: number;
  revivesGiven: number;
}

export function emptyCounters(): Counters {
  return {
    weapons: Array.from({ length: 28 }, () => ({ hits: 0, shots: 0, kills: 0, deaths: 0, headshots: 0 })),
    damageGiven: 0,
    damageReceived: 0,
    teamDamageGiven: 0,
    teamDamageReceived: 0,
    gibs: 0,
    selfKills: 0,
    teamKills: 0,
    teamGibs: 0,
    teamTimeMs: 0,
    aliveMs: 0,
    xp: 0,
    killingSpree: 0,
    deathSpree: 0,
    killAssists: 0,
    killSteals: 0,
    headshotKills: 0,
    objectivesStolen: 0,
    objectivesReturned: 0,
    dynamitesPlanted: 0,
    dynamitesDefused: 0,
    timesRevived: 0,
    deadMs: 0,
    usefulKills: 0,
    deniedMs: 0,
    multikills: [0, 0, 0, 0, 0],
    uselessKills: 0,
    fullSelfKills: 0,
    repairs: 0,
    revivesGiven: 0,
  };
}

/**
 * The engine state an R2 file shows: cumulative fields summed over R1 and R2, per-round fields
 * from R2 only.
 */
export function cumulativeView(r1: Counters, r2: Counters): Counters {
  return {
    ...r2,
    weapons: r2.weapons.map((w, i) => {
      const a = r1.weapons[i]!;
      return {
        hits: a.hits + w.hits,
        shots: a.shots + w.shots,
        kills: a.kills + w.kills,
        deaths: a.deaths + w.deaths,
        headshots: a.headshots + w.headshots,
      };
    }),
    damageGiven: r1.damageGiven + r2.damageGiven,
    damageReceived: r1.damageReceived + r2.damageReceived,
    teamDamageGiven: r1.teamDamageGiven + r2.teamDamageGiven,
    teamDamageReceived: r1.teamDamageReceived + r2.teamDamageReceived,
    gibs: r1.gibs + r2.gibs,
    selfKills: r1.selfKills + r2.selfKills,
    teamKills: r1.teamKills + r2.teamKills,
    teamGibs: r1.teamGibs + r2.teamGibs,
    teamTimeMs: r1.teamTimeMs + r2.teamTimeMs,
    aliveMs: r1.aliveMs + r2.aliveMs,
  };
}

export function weaponTotals(c: Counters): WeaponCounter {
  const t = { hits: 0, shots: 0, kills: 0, deaths: 0, headshots: 0 };
  for (const w of c.weapons) {
    t.hits += w.hits;
    t.shots += w.shots;
    t.kills += w.kills;
    t.deaths += w.deaths;
    t.headshots += w.headshots;
  }
  return t;
}
