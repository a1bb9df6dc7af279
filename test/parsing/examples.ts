/**
 * Hand-written stats file pieces for the parsing tests. Every number the tests expect from
 * them is worked out by hand in the comments here.
 */

/** Header of an R1 on supply, 8 fields: defenders axis (1), attackers (allies, 2) won in 9:37. */
export const HEADER_R1 = '^1my ^7server\\supply\\legacy6\\1\\1\\2\\12:00\\9:37';

/**
 * Weapon block with mask 2065 = 1 (knife) + 16 (MP40, bit 4) + 2048 (grenade, bit 11): 3 weapons,
 * so 1 + 5 * 3 = 16 tokens.
 *   knife   hits 0   shots 2   kills 0  deaths 1  hs 0
 *   MP40    hits 100 shots 400 kills 10 deaths 5  hs 20
 *   grenade hits 3   shots 6   kills 2  deaths 0  hs 0
 * Sums: hits 103, shots 408, kills 12, deaths 6, headshots 20.
 */
export const WEAPONS_3 = '2065 0 2 0 1 0 100 400 10 5 20 3 6 2 0 0';

/** The 38 extended fields, index = position (see spec §3 table). */
export const EXT_38 = [
  '2500', // 0 damage given
  '1800', // 1 damage received
  '40', // 2 team damage given
  '30', // 3 team damage received
  '3', // 4 gibs
  '1', // 5 self kills
  '0', // 6 team kills
  '0', // 7 team gibs
  '75.5', // 8 alive %
  '60', // 9 XP
  '4', // 10 killing spree
  '2', // 11 death spree
  '5', // 12 kill assists
  '1', // 13 kill steals
  '3', // 14 headshot kills
  '0', // 15 objectives stolen
  '1', // 16 objectives returned
  '2', // 17 dynamites planted
  '0', // 18 dynamites defused
  '4', // 19 times revived
  '500', // 20 bullets fired (ignored)
  '0.0', // 21 DPM (ignored)
  '10.3', // 22 time played, minutes -> 103 tenths
  '0.0', // 23 tank/meatshield (ignored)
  '24.5', // 24 time-dead % (ignored)
  '2.5', // 25 time dead, minutes
  '2.0', // 26 K/D as written (ignored)
  '9', // 27 useful kills
  '45', // 28 denied playtime, s
  '1', // 29 multikill 2
  '0', // 30 multikill 3
  '0', // 31 multikill 4
  '0', // 32 multikill 5
  '0', // 33 multikill 6
  '2', // 34 useless kills
  '1', // 35 full self kills
  '3', // 36 repairs
  '5', // 37 revives given
];

/** Era 33: fields 0-27, then the five multikills (spec §3). */
export const EXT_33 = [...EXT_38.slice(0, 28), '1', '0', '0', '0', '0'];

export function ext(era: 33 | 36 | 37 | 38): string {
  return (era === 33 ? EXT_33 : EXT_38.slice(0, era)).join('\t');
}

/** A full player line: GUID, name, rounds counter, team, weapon block, ' \t', fields. */
export function line(guid: string, name: string, team: string, weapons = WEAPONS_3, fields = ext(38)): string {
  return `${guid}\\${name}\\0\\${team}\\${weapons} \t${fields}`;
}

export const R1_NAME = '2025-10-25-155210-supply-round-1.txt';
export const R2_NAME = '2025-10-25-161002-supply-round-2.txt';

export function file(header: string, ...lines: string[]): string {
  return [header, ...lines].join('\n') + '\n';
}
