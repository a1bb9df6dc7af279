import type { CumulativeValues, DerivedPlayer, DerivedWeapon, RawPlayer, WeaponValues } from './types';

/**
 * What each player did in one round (spec §4, §9).
 * - R1 rows, and every row of an orphan R2, are taken as they are.
 * - An R2 row whose GUID is in the paired R1: cumulative values are R2 - R1, per-round values as
 *   they are, alive % recomputed from alive time; unless the player reconnected (kills, deaths,
 *   damage given, damage received or time played went down), then the R2 row is already R2-only.
 * - A GUID only in the R2 (a substitute) is taken as it is.
 */
export function deriveRoundPlayers(players: readonly RawPlayer[], pairedR1: readonly RawPlayer[] | null, kind: 'r1' | 'r2' | 'orphan'): DerivedPlayer[] {
  if (kind !== 'r2' || pairedR1 === null) return players.map((p) => asIs(p, kind === 'orphan' ? 'orphan' : 'as-is'));
  const r1ByGuid = new Map(pairedR1.map((p) => [p.guid, p]));
  return players.map((p) => {
    const before = r1ByGuid.get(p.guid);
    if (!before) return asIs(p, 'r2-substitute');
    if (reconnected(before.cumulative, p.cumulative)) return asIs(p, 'r2-reconnect');
    return minusR1(p, before);
  });
}

/** §9 Reconnect test on raw values. */
export function reconnected(r1: CumulativeValues, r2: CumulativeValues): boolean {
  return (
    r2.kills < r1.kills ||
    r2.deaths < r1.deaths ||
    r2.damageGiven < r1.damageGiven ||
    r2.damageReceived < r1.damageReceived ||
    r2.timePlayedTenths < r1.timePlayedTenths
  );
}

/** Alive % over R2 only: (p2*t2 - p1*t1) / (t2 - t1); 0 when the player had no time in R2. */
export function aliveR2Only(p1: number, t1: number, p2: number, t2: number): number {
  const dt = t2 - t1;
  if (dt <= 0) return 0;
  return (p2 * t2 - p1 * t1) / dt;
}

function asIs(p: RawPlayer, derivation: DerivedPlayer['derivation']): DerivedPlayer {
  return finish(
    p,
    derivation,
    p.weapons.map((w) => ({ raw: w, derived: { ...w } })),
    { ...p.cumulative },
  );
}

function minusR1(p2: RawPlayer, p1: RawPlayer): DerivedPlayer {
  const r1Weapons = new Map(p1.weapons.map((w) => [w.weapon, w]));
  const weapons: DerivedWeapon[] = p2.weapons.map((w) => {
    const b = r1Weapons.get(w.weapon);
    return { raw: w, derived: b ? subtractWeapon(w, b) : { ...w } };
  });
  const a = p2.cumulative;
  const b = p1.cumulative;
  const cumulative: CumulativeValues = {
    kills: a.kills - b.kills,
    deaths: a.deaths - b.deaths,
    hits: a.hits - b.hits,
    shots: a.shots - b.shots,
    headshots: a.headshots - b.headshots,
    damageGiven: a.damageGiven - b.damageGiven,
    damageReceived: a.damageReceived - b.damageReceived,
    teamDamageGiven: a.teamDamageGiven - b.teamDamageGiven,
    teamDamageReceived: a.teamDamageReceived - b.teamDamageReceived,
    gibs: a.gibs - b.gibs,
    selfKills: a.selfKills - b.selfKills,
    teamKills: a.teamKills - b.teamKills,
    teamGibs: a.teamGibs - b.teamGibs,
    alivePercent: aliveR2Only(b.alivePercent, b.timePlayedTenths, a.alivePercent, a.timePlayedTenths),
    timePlayedTenths: a.timePlayedTenths - b.timePlayedTenths,
  };
  return finish(p2, 'r2-minus-r1', weapons, cumulative);
}

function subtractWeapon(a: WeaponValues, b: WeaponValues): WeaponValues {
  return {
    weapon: a.weapon,
    hits: a.hits - b.hits,
    shots: a.shots - b.shots,
    kills: a.kills - b.kills,
    deaths: a.deaths - b.deaths,
    headshots: a.headshots - b.headshots,
  };
}

function finish(raw: RawPlayer, derivation: DerivedPlayer['derivation'], weapons: DerivedWeapon[], cumulative: CumulativeValues): DerivedPlayer {
  return {
    raw,
    derivation,
    weapons,
    cumulative,
    timePlayedSeconds: cumulative.timePlayedTenths * 6,
    counted: cumulative.timePlayedTenths > 0,
  };
}
