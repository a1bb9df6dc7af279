import type { Member, Role } from './community';
import { emptyCounters, type Counters } from './counters';
import type { Rng } from './rng';

export interface Participant {
  member: Member;
  /** 1 axis, 2 allies. */
  side: 1 | 2;
  /** Joined the team at this ms of the round, and left (or the round ended) at leaveMs. */
  joinMs: number;
  leaveMs: number;
}

type Side = 1 | 2;
const BY_SIDE = {
  smg: { 1: 4, 2: 5 },
  pistol: { 1: 2, 2: 3 },
  heavy: { 1: 8, 2: 9 },
  mg: { 1: 20, 2: 21 },
  mortar: { 1: 12, 2: 13 },
  rifle: { 1: 23, 2: 22 },
  scoped: { 1: 25, 2: 24 },
  covertSmg: { 1: 26, 2: 6 },
} as const;
const KNIFE = 0;
const FG42 = 7;
const FLAMETHROWER = 10;
const GRENADE = 11;
const DYNAMITE = 14;
const AIRSTRIKE = 15;
const ARTILLERY = 16;
const SATCHEL = 17;
const RIFLE_GRENADE = 18;
const LANDMINE = 19;
const SYRINGE = 27;
const EXPLOSIVES = new Set([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);

/** [weapon, share of the player's fire] for a role on a side. */
function loadout(role: Role, side: Side): [number, number][] {
  const s = (k: keyof typeof BY_SIDE) => BY_SIDE[k][side];
  switch (role) {
    case 'medic':
      return [
        [s('smg'), 1],
        [s('pistol'), 0.15],
        [GRENADE, 0.04],
        [KNIFE, 0.02],
      ];
    case 'engineer':
      return [
        [s('smg'), 0.8],
        [s('rifle'), 0.3],
        [RIFLE_GRENADE, 0.05],
        [LANDMINE, 0.02],
        [s('pistol'), 0.1],
        [GRENADE, 0.04],
      ];
    case 'soldier':
      return [
        [s('mg'), 0.8],
        [s('heavy'), 0.08],
        [FLAMETHROWER, 0.15],
        [s('mortar'), 0.05],
        [s('pistol'), 0.1],
        [GRENADE, 0.04],
      ];
    case 'fieldops':
      return [
        [s('smg'), 1],
        [AIRSTRIKE, 0.03],
        [ARTILLERY, 0.03],
        [GRENADE, 0.05],
        [s('pistol'), 0.1],
      ];
    case 'covertops':
      return [
        [s('covertSmg'), 0.7],
        [s('scoped'), 0.4],
        [FG42, 0.2],
        [SATCHEL, 0.03],
        [s('pistol'), 0.1],
        [KNIFE, 0.03],
      ];
  }
}

interface State {
  p: Participant;
  c: Counters;
  weapons: [number, number][];
  /** Kill (+1) and death (-1) times, for sprees and multikills. */
  log: { t: number; kind: 1 | -1 }[];
  hsKillsByWeapon: number[];
}

/**
 * Simulates one round: shots and hits per weapon, kill events between the two sides (so
 * victims' per-weapon deaths match killers' kills), then the Lua's per-round counters.
 * Returns one Counters per participant, in participant order.
 */
export function simulateRound(rng: Rng, participants: readonly Participant[], durationMs: number, attackerSide: Side): Counters[] {
  const states: State[] = participants.map((p) => ({
    p,
    c: emptyCounters(),
    weapons: loadout(p.member.role, p.side),
    log: [],
    hsKillsByWeapon: new Array(28).fill(0),
  }));

  for (const st of states) {
    const minutes = (st.p.leaveMs - st.p.joinMs) / 60000;
    for (const [w, share] of st.weapons) {
      const wc = st.c.weapons[w]!;
      if (EXPLOSIVES.has(w)) {
        wc.shots = Math.round(minutes * 0.6 * share * 10 * rng.next());
        wc.hits = Math.round(wc.shots * (0.2 + 0.5 * rng.next()));
      } else {
        wc.shots = Math.max(w === KNIFE ? 0 : 1, Math.round(minutes * 38 * share * (0.6 + 0.8 * rng.next())));
        wc.hits = Math.round(wc.shots * st.p.member.accuracy * (0.8 + 0.4 * rng.next()));
        wc.headshots = Math.round(wc.hits * st.p.member.headshotRate * (0.7 + 0.6 * rng.next()));
      }
    }
  }

  const totalMinutes = states.reduce((sum, st) => sum + (st.p.leaveMs - st.p.joinMs) / 60000, 0);
  const events = Math.round(totalMinutes * (0.45 + 0.2 * rng.next()));
  const times = Array.from({ length: events }, () => Math.floor(rng.next() * durationMs)).sort((a, b) => a - b);
  for (const t of times) {
    const present = states.filter((st) => st.p.joinMs <= t && t < st.p.leaveMs);
    const killers = present;
    if (killers.length === 0) continue;
    const killer = killers[rng.weighted(killers.map((st) => st.p.member.skill))]!;
    const teamKill = rng.chance(0.02);
    const victims = present.filter((st) => st !== killer && (teamKill ? st.p.side === killer.p.side : st.p.side !== killer.p.side));
    if (victims.length === 0) continue;
    const victim = victims[rng.weighted(victims.map((st) => 1 / st.p.member.skill))]!;
    const weaponIndex = rng.weighted(killer.weapons.map(([w, share]) => (EXPLOSIVES.has(w) ? share * 6 : share)));
    const w = killer.weapons[weaponIndex]![0];
    victim.c.weapons[w]!.deaths++;
    victim.log.push({ t, kind: -1 });
    const deadMs = 8000 + Math.floor(rng.next() * 17000);
    victim.c.deadMs += deadMs;
    if (teamKill) {
      killer.c.teamKills++;
      victim.c.teamDamageReceived += 40 + rng.int(0, 80);
      killer.c.teamDamageGiven += 40 + rng.int(0, 80);
      if (rng.chance(0.3)) killer.c.teamGibs++;
      continue;
    }
    const kc = killer.c.weapons[w]!;
    kc.kills++;
    if (kc.shots < kc.kills) kc.shots = kc.kills;
    if (kc.hits < kc.kills) kc.hits = kc.kills;
    if (kc.shots < kc.hits) kc.shots = kc.hits;
    killer.log.push({ t, kind: 1 });
    if (!EXPLOSIVES.has(w) && rng.chance(killer.p.member.headshotRate)) {
      killer.c.headshotKills++;
      killer.hsKillsByWeapon[w]!++;
    }
    if (rng.chance(0.3)) killer.c.gibs++;
  }

  for (const st of states) finishCounters(rng, st, attackerSide);
  return states.map((st) => st.c);
}

function finishCounters(rng: Rng, st: State, attackerSide: Side): void {
  const c = st.c;
  const playMs = st.p.leaveMs - st.p.joinMs;
  const attacking = st.p.side === attackerSide;
  const role = st.p.member.role;
  let kills = 0;
  let deaths = 0;
  let damage = 0;
  for (let w = 0; w < 28; w++) {
    const wc = c.weapons[w]!;
    if (wc.headshots < st.hsKillsByWeapon[w]!) wc.headshots = st.hsKillsByWeapon[w]!;
    if (wc.hits < wc.headshots) wc.hits = wc.headshots;
    if (wc.shots < wc.hits) wc.shots = wc.hits;
    kills += wc.kills;
    deaths += wc.deaths;
    damage += wc.hits * (EXPLOSIVES.has(w) ? 60 + rng.int(0, 60) : 12 + rng.int(0, 8)) + wc.headshots * 20;
  }
  c.selfKills = rng.chance(0.3) ? rng.int(1, 3) : 0;
  c.fullSelfKills = c.selfKills > 0 ? rng.int(0, c.selfKills) : 0;
  c.damageGiven += damage;
  c.damageReceived += deaths * (100 + rng.int(0, 60)) + rng.int(0, 150);
  if (rng.chance(0.4)) c.teamDamageGiven += rng.int(1, 60);
  if (rng.chance(0.4)) c.teamDamageReceived += rng.int(1, 60);

  c.deadMs = Math.min(c.deadMs + c.selfKills * 10000, Math.floor(playMs * 0.85));
  c.teamTimeMs = playMs;
  c.aliveMs = playMs - c.deadMs;

  if (role === 'medic') {
    c.revivesGiven = rng.int(0, 6);
    const syringe = c.weapons[SYRINGE]!;
    syringe.hits = c.revivesGiven;
    syringe.shots = c.revivesGiven + rng.int(0, 2);
  }
  if (role === 'engineer') {
    if (attacking) {
      c.dynamitesPlanted = rng.int(0, 3);
      c.weapons[DYNAMITE]!.shots += c.dynamitesPlanted;
    } else {
      c.dynamitesDefused = rng.int(0, 2);
    }
    c.repairs = rng.int(0, 4);
  }
  if (attacking && rng.chance(0.15)) c.objectivesStolen = 1;
  if (!attacking && rng.chance(0.1)) c.objectivesReturned = 1;
  c.timesRevived = deaths > 0 ? rng.int(0, Math.ceil(deaths / 2)) : 0;
  c.killAssists = rng.int(0, kills);
  c.killSteals = rng.int(0, Math.floor(kills / 3));
  c.usefulKills = kills > 0 ? rng.int(Math.floor(kills / 2), kills) : 0;
  c.uselessKills = rng.int(0, kills - c.usefulKills);
  c.deniedMs = rng.int(0, 90000);
  c.xp = kills * 3 + c.revivesGiven * 2 + c.dynamitesPlanted * 5 + c.repairs * 2 + c.objectivesStolen * 10 + rng.int(0, 10);

  const log = st.log.sort((a, b) => a.t - b.t);
  let kill = 0;
  let death = 0;
  let chain = 0;
  let lastKill = -Infinity;
  const closeChain = (): void => {
    if (chain >= 2) c.multikills[Math.min(chain, 6) - 2]!++;
  };
  for (const e of log) {
    if (e.kind === 1) {
      kill++;
      death = 0;
      c.killingSpree = Math.max(c.killingSpree, kill);
      if (e.t - lastKill <= 3000) chain++;
      else {
        closeChain();
        chain = 1;
      }
      lastKill = e.t;
    } else {
      death++;
      kill = 0;
      c.deathSpree = Math.max(c.deathSpree, death);
      closeChain();
      chain = 0;
      lastKill = -Infinity;
    }
  }
  closeChain();
}
