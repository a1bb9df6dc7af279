import { num, type PluginStorage } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';

/** A name an admin gave one team of one session. */
export interface ExplicitTeamName {
  sessionId: number;
  team: TeamId;
  name: string;
}

/** The `last_session_team_names` table. */
export class TeamNameStore {
  constructor(
    private readonly storage: PluginStorage,
    private readonly now: () => number,
  ) {}

  all(): Promise<ExplicitTeamName[]> {
    return this.storage.read(async (sql) =>
      (await sql.all('SELECT session_id, team, name FROM last_session_team_names')).map((r) => ({
        sessionId: num(r.session_id),
        team: r.team === 'B' ? 'B' : 'A',
        name: String(r.name),
      })),
    );
  }

  /** Sets (or replaces) a team's name; the other team of the session loses the same name. */
  set(sessionId: number, team: TeamId, name: string, setBy: string): Promise<void> {
    return this.storage.transaction(async (sql) => {
      // One name per team, and the two teams of a session never share one.
      await sql.run('DELETE FROM last_session_team_names WHERE session_id = ? AND (team = ? OR LOWER(name) = LOWER(?))', [sessionId, team, name]);
      await sql.run('INSERT INTO last_session_team_names (session_id, team, name, set_by, set_at) VALUES (?, ?, ?, ?, ?)', [
        sessionId,
        team,
        name,
        setBy,
        new Date(this.now()).toISOString(),
      ]);
    });
  }
}
