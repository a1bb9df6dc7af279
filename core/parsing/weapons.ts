import type { WeaponInfo } from './types';

/** Weapons by mask bit index (spec §3). */
export const WEAPONS: readonly WeaponInfo[] = Object.freeze(
  (
    [
      ['KNIFE', 'Knife'],
      ['KNIFE_KBAR', 'Ka-Bar'],
      ['LUGER', 'Luger'],
      ['COLT', 'Colt'],
      ['MP40', 'MP40'],
      ['THOMPSON', 'Thompson'],
      ['STEN', 'Sten'],
      ['FG42', 'FG42'],
      ['PANZERFAUST', 'Panzerfaust'],
      ['BAZOOKA', 'Bazooka'],
      ['FLAMETHROWER', 'Flamethrower'],
      ['GRENADE', 'Grenade'],
      ['MORTAR', 'Mortar'],
      ['MORTAR2', 'Granatwerfer'],
      ['DYNAMITE', 'Dynamite'],
      ['AIRSTRIKE', 'Airstrike'],
      ['ARTILLERY', 'Artillery'],
      ['SATCHEL', 'Satchel'],
      ['GRENADELAUNCHER', 'Rifle grenade'],
      ['LANDMINE', 'Landmine'],
      ['MG42', 'MG42'],
      ['BROWNING', 'Browning'],
      ['CARBINE', 'Garand'],
      ['KAR98', 'K43 rifle'],
      ['GARAND', 'Scoped Garand'],
      ['K43', 'Scoped K43'],
      ['MP34', 'MP34'],
      ['SYRINGE', 'Syringe'],
    ] as const
  ).map(([code, name], index) => Object.freeze({ index, code, name })),
);

export const WEAPON_COUNT = 28;
