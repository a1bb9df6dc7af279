import type { RadarChartData, SessionChartData, SessionPlayerStats } from '../../core/charts/types';

/** Made-up names (never real players), several with colour codes and one far too long. */
const NAMES = [
  '^1Red^7Baron',
  '^4Blue^3Fox',
  'Sarge^7Mk2',
  '^2Green^dGoblin^7',
  'Medic^5Mike',
  '^xTheExtremelyLongNamedEngineer',
  'Panzer^1Pete',
  '^3Golden^0Gun',
  'Silent^7Sniper',
  'Field^6Ops',
  'Covert^9Kat',
  '^8Lt.^7Smoke',
];

const WEAPONS: [string, number][] = [
  ['MP40', 212],
  ['Thompson', 198],
  ['Sten', 41],
  ['Luger', 23],
  ['Colt', 19],
  ['Grenade', 57],
  ['Panzerfaust', 38],
  ['Mortar', 14],
  ['Garand', 26],
  ['K43', 22],
  ['FG42', 17],
  ['Knife', 6],
  ['Dynamite', 4],
  ['Airstrike', 12],
  ['Artillery', 15],
];

/** Small deterministic generator so the sample is the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 12-player session over `maps` maps (two rounds each), figures of plausible size. */
export function sampleSession(maps = 8, playerCount = 12): SessionChartData {
  const rand = seeded(20261123 + maps * 31 + playerCount);
  const players: SessionPlayerStats[] = [];
  for (let i = 0; i < playerCount; i++) {
    const timePlayedSeconds = Math.round(maps * (1050 + rand() * 250));
    const kills = Math.round(maps * (5 + rand() * 22));
    const deaths = Math.round(maps * (8 + rand() * 14));
    const damageGiven = Math.round(kills * (190 + rand() * 90));
    players.push({
      name: NAMES[i % NAMES.length]! + (i >= NAMES.length ? `${i}` : ''),
      kills,
      deaths,
      dpm: Math.round((damageGiven / (timePlayedSeconds / 60)) * 10) / 10,
      accuracy: i === 9 ? null : Math.round((18 + rand() * 30) * 10) / 10,
      timePlayedSeconds,
      timeDeadSeconds: Math.round(timePlayedSeconds * (0.15 + rand() * 0.25)),
      damageGiven,
      damageReceived: Math.round(deaths * (130 + rand() * 50)),
    });
  }
  const weapons = WEAPONS.map(([name, kills]) => ({ name, kills: Math.round((kills * maps) / 8) }));
  return { title: `Session 2026-11-23 · ${maps} map${maps === 1 ? '' : 's'}`, players, weapons };
}

export function sampleRadar(): RadarChartData {
  return {
    title: 'Compare · last 30 days',
    players: [
      { name: '^1Red^7Baron', killDeathRatio: 1.42, dpm: 246.3, accuracy: 31.4, headshotPercent: 22.8, revivesPerRound: 0.4, objectivesPerRound: 0.35 },
      { name: '^4Blue^3Fox', killDeathRatio: 0.97, dpm: 188.9, accuracy: 36.2, headshotPercent: 14.1, revivesPerRound: 2.6, objectivesPerRound: 0.12 },
    ],
  };
}
