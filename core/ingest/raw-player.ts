import type { PlayerLine } from '../parsing';
import type { RawPlayer } from './derive/types';

/** A parsed player line as the plain raw values the derivations use. */
export function rawPlayerFromLine(line: PlayerLine): RawPlayer {
  const e = line.ext;
  return {
    guid: line.guid,
    lineNumber: line.lineNumber,
    rawName: line.rawName,
    cleanName: line.cleanName,
    isBot: line.isBot,
    team: line.team,
    era: line.era,
    weapons: line.weapons.map((w) => ({ weapon: w.weapon, hits: w.hits, shots: w.shots, kills: w.kills, deaths: w.deaths, headshots: w.headshots })),
    cumulative: {
      kills: line.kills,
      deaths: line.deaths,
      hits: line.hits,
      shots: line.shots,
      headshots: line.headshots,
      damageGiven: e.damageGiven,
      damageReceived: e.damageReceived,
      teamDamageGiven: e.teamDamageGiven,
      teamDamageReceived: e.teamDamageReceived,
      gibs: e.gibs,
      selfKills: e.selfKills,
      teamKills: e.teamKills,
      teamGibs: e.teamGibs,
      alivePercent: e.alivePercent,
      timePlayedTenths: line.timePlayedTenths,
    },
    perRound: {
      xp: e.xp,
      killingSpree: e.killingSpree,
      deathSpree: e.deathSpree,
      killAssists: e.killAssists,
      killSteals: e.killSteals,
      headshotKills: e.headshotKills,
      objectivesStolen: e.objectivesStolen,
      objectivesReturned: e.objectivesReturned,
      dynamitesPlanted: e.dynamitesPlanted,
      dynamitesDefused: e.dynamitesDefused,
      timesRevived: e.timesRevived,
      timeDeadMinutes: e.timeDeadMinutes,
      usefulKills: e.usefulKills,
      deniedPlaytimeSeconds: e.deniedPlaytimeSeconds,
      multikill2: e.multikill2,
      multikill3: e.multikill3,
      multikill4: e.multikill4,
      multikill5: e.multikill5,
      multikill6: e.multikill6,
      uselessKills: e.uselessKills,
      fullSelfKills: e.fullSelfKills,
      repairs: e.repairs,
      revivesGiven: e.revivesGiven,
    },
  };
}
