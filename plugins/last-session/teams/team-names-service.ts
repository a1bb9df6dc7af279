import type { TeamHistoryService, TeamRosters } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';
import { carryTeamNames, type SessionTeamNames } from './carry-names';
import type { TeamNameStore } from './team-name-store';

/** A team across sessions: the sessions in which a team had this name. */
export interface NamedTeamSessions {
  name: string;
  /** Session id -> which of its teams carried the name. */
  sides: Map<number, TeamId>;
}

/** Team names per session: the admins' and the carried ones (recomputed from the history each time). */
export class TeamNamesService {
  constructor(
    readonly history: TeamHistoryService,
    private readonly store: TeamNameStore,
    private readonly minShare: number,
  ) {}

  async all(): Promise<{ history: TeamRosters; names: Map<number, SessionTeamNames> }> {
    const [history, explicit] = await Promise.all([this.history.rosters(), this.store.all()]);
    return { history, names: carryTeamNames(history, explicit, this.minShare) };
  }

  async ofSession(sessionId: number): Promise<SessionTeamNames> {
    // Every name starts with an admin's: without one there is nothing to carry (and no history to read).
    if ((await this.store.all()).length === 0) return {};
    return (await this.all()).names.get(sessionId) ?? {};
  }

  set(sessionId: number, team: TeamId, name: string, setBy: string): Promise<void> {
    return this.store.set(sessionId, team, name, setBy);
  }
}

/** Where a name (case-insensitive) was a team's name, or null when no session's team had it. */
export function findNamedTeam(names: ReadonlyMap<number, SessionTeamNames>, wanted: string): NamedTeamSessions | null {
  const key = wanted.trim().toLowerCase();
  let found: NamedTeamSessions | null = null;
  for (const [sessionId, teams] of names) {
    for (const team of ['A', 'B'] as const) {
      const n = teams[team];
      if (!n || n.name.toLowerCase() !== key) continue;
      found ??= { name: n.name, sides: new Map() };
      found.sides.set(sessionId, team);
    }
  }
  return found;
}
