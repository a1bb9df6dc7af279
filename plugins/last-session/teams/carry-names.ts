import type { TeamRosters } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';
import type { ExplicitTeamName } from './team-name-store';

/** A team's name in one session: given there (`set`) or kept from an earlier session (`carried`). */
export interface TeamName {
  name: string;
  source: 'set' | 'carried';
  /** Session number the name was given in or last carried from. */
  fromSessionNumber: number;
  /** Carried: the share of players in common with that session's team (0..1). */
  share: number | null;
}

export type SessionTeamNames = Partial<Record<TeamId, TeamName>>;

/**
 * Every session's team names, oldest session first. A team without a name of its own keeps the
 * name of the team it shares most players with among the teams last seen under each name, when
 * that share reaches `minShare`. The share is players in common / the larger of the two rosters,
 * so a team of 3 regulars out of 7 is not "the same team", and neither are 7 with 3 newcomers.
 */
export function carryTeamNames(history: TeamRosters, explicit: readonly ExplicitTeamName[], minShare: number): Map<number, SessionTeamNames> {
  const given = new Map(explicit.map((e) => [`${e.sessionId}:${e.team}`, e.name]));
  const rosters = new Map<number, Record<TeamId, Set<string>>>();
  for (const m of history.members) {
    const r = rosters.get(m.sessionId) ?? { A: new Set<string>(), B: new Set<string>() };
    r[m.team].add(m.guid);
    rosters.set(m.sessionId, r);
  }
  /** Lower-cased name -> the roster it was last seen with. */
  const lastSeen = new Map<string, { name: string; roster: Set<string>; sessionNumber: number }>();
  const result = new Map<number, SessionTeamNames>();
  for (const session of history.sessions) {
    const roster = rosters.get(session.sessionId) ?? { A: new Set<string>(), B: new Set<string>() };
    const names: SessionTeamNames = {};
    for (const team of ['A', 'B'] as const) {
      const name = given.get(`${session.sessionId}:${team}`);
      if (name) names[team] = { name, source: 'set', fromSessionNumber: session.number, share: null };
    }
    const candidates: { team: TeamId; key: string; share: number; sessionNumber: number }[] = [];
    for (const team of ['A', 'B'] as const) {
      if (names[team] || roster[team].size === 0) continue;
      for (const [key, seen] of lastSeen) {
        const share = overlap(roster[team], seen.roster);
        if (share >= minShare) candidates.push({ team, key, share, sessionNumber: seen.sessionNumber });
      }
    }
    // Best share first, then the most recently seen name: each team and each name is used once.
    candidates.sort((a, b) => b.share - a.share || b.sessionNumber - a.sessionNumber);
    const taken = new Set([names.A?.name.toLowerCase(), names.B?.name.toLowerCase()]);
    for (const c of candidates) {
      if (names[c.team] || taken.has(c.key)) continue;
      const seen = lastSeen.get(c.key)!;
      names[c.team] = { name: seen.name, source: 'carried', fromSessionNumber: seen.sessionNumber, share: c.share };
      taken.add(c.key);
    }
    for (const team of ['A', 'B'] as const) {
      const n = names[team];
      if (n) lastSeen.set(n.name.toLowerCase(), { name: n.name, roster: roster[team], sessionNumber: session.number });
    }
    if (names.A || names.B) result.set(session.sessionId, names);
  }
  return result;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const guid of a) if (b.has(guid)) common++;
  const larger = Math.max(a.size, b.size);
  return larger === 0 ? 0 : common / larger;
}
