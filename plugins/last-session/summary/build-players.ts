import { kdRatio, percent, perMinute, type SessionPlayerRow as PlayerRow, type SessionWeaponKillsRow } from 'etbot/plugin-api';
import { compareMvp, mvpPoints } from './mvp';
import type { TeamOf } from './build-maps';
import type { PlayerSessionStats, RoundPlayerLine, WeaponKillCount } from './types';

/** Sums each player's rows that count in totals (spec §9 Counting); ratios from the sums. Most MVP points first. */
export function sumPlayers(rows: readonly PlayerRow[], teamOf: TeamOf): PlayerSessionStats[] {
  const sums = new Map<string, PlayerRow & { rounds: number; timeDeadSeconds: number; revivesKnown: boolean }>();
  for (const row of rows) {
    if (!row.inTotals) continue;
    const s = sums.get(row.guid);
    const timeDead = Math.round(row.timeDeadMinutes * 60);
    if (!s) {
      sums.set(row.guid, { ...row, rounds: 1, timeDeadSeconds: timeDead, revivesKnown: row.revivesGiven !== null });
      continue;
    }
    s.rounds++;
    s.kills += row.kills;
    s.deaths += row.deaths;
    s.hits += row.hits;
    s.shots += row.shots;
    s.headshots += row.headshots;
    s.damageGiven += row.damageGiven;
    s.damageReceived += row.damageReceived;
    s.timePlayedSeconds += row.timePlayedSeconds;
    s.timeDeadSeconds += timeDead;
    if (row.revivesGiven !== null) {
      s.revivesGiven = (s.revivesGiven ?? 0) + row.revivesGiven;
      s.revivesKnown = true;
    }
    s.gibs += row.gibs;
    s.xp += row.xp;
    s.objectives += row.objectives;
  }
  const players = [...sums.values()].map((s): PlayerSessionStats => {
    const revivesGiven = s.revivesKnown ? (s.revivesGiven ?? 0) : null;
    return {
      guid: s.guid,
      name: s.name,
      rawName: s.rawName,
      team: teamOf(s.guid),
      rounds: s.rounds,
      kills: s.kills,
      deaths: s.deaths,
      kd: kdRatio(s.kills, s.deaths),
      dpm: perMinute(s.damageGiven, s.timePlayedSeconds),
      hits: s.hits,
      shots: s.shots,
      accuracy: percent(s.hits, s.shots),
      headshots: s.headshots,
      headshotPercent: percent(s.headshots, s.hits),
      damageGiven: s.damageGiven,
      damageReceived: s.damageReceived,
      timePlayedSeconds: s.timePlayedSeconds,
      timeDeadSeconds: s.timeDeadSeconds,
      revivesGiven,
      gibs: s.gibs,
      xp: s.xp,
      objectives: s.objectives,
      mvpPoints: mvpPoints({ ...s, revivesGiven }),
    };
  });
  return players.sort(compareMvp);
}

/** One round's counted players, most kills first (then damage, then name). */
export function roundLines(rows: readonly PlayerRow[], roundId: number, teamOf: TeamOf): RoundPlayerLine[] {
  return rows
    .filter((r) => r.roundId === roundId)
    .map((r) => ({
      guid: r.guid,
      name: r.name,
      team: teamOf(r.guid),
      kills: r.kills,
      deaths: r.deaths,
      damageGiven: r.damageGiven,
      mvpPoints: mvpPoints(r),
    }))
    .sort((a, b) => b.kills - a.kills || b.damageGiven - a.damageGiven || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Kills per weapon (names players know, spec §3), most first, with the top player of each. */
export function weaponTable(kills: readonly SessionWeaponKillsRow[], names: ReadonlyMap<string, string>): WeaponKillCount[] {
  const byWeapon = new Map<number, WeaponKillCount>();
  for (const k of kills) {
    if (k.kills <= 0) continue;
    const entry = byWeapon.get(k.weapon) ?? { weapon: k.weapon, name: k.weaponName, kills: 0, topPlayer: null };
    entry.kills += k.kills;
    const playerName = names.get(k.guid) ?? k.guid;
    const top = entry.topPlayer;
    if (!top || k.kills > top.kills || (k.kills === top.kills && playerName < top.name)) entry.topPlayer = { name: playerName, kills: k.kills };
    byWeapon.set(k.weapon, entry);
  }
  return [...byWeapon.values()].sort((a, b) => b.kills - a.kills || a.weapon - b.weapon);
}
