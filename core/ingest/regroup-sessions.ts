import type { Database } from '../data/database';
import { num } from '../data/sql';
import { IMPORT_LOCK_KEY } from './importer';
import { ChangeSet } from './store/change-set';
import type { BotRule } from '../queries/bots';
import { refreshSession, regroupSessions } from './store/sessions-store';

export interface RegroupReport {
  rounds: number;
  sessionsBefore: number;
  sessionsAfter: number;
}

/**
 * Regroups every round into gaming sessions with the given gap (after `import.sessionGapMinutes`
 * changed). It walks the importer's own windowed regrouping over every round's end time, so each
 * session is rebuilt from all of its rounds, in one transaction that holds the import lock: no
 * import interleaves with it, and a failure leaves the sessions as they were.
 */
export async function regroupAllSessions(db: Database, gapMinutes: number, bots?: BotRule): Promise<RegroupReport> {
  return db.transaction(
    async (sql) => {
      const count = async () => num((await sql.one(`SELECT COUNT(*) AS n FROM gaming_sessions`))!.n);
      const sessionsBefore = await count();
      const rounds = await sql.all(`SELECT DISTINCT server_id, ended_at_utc FROM rounds ORDER BY server_id, ended_at_utc`);
      const changes = new ChangeSet();
      for (const r of rounds) {
        const at = Date.parse(String(r.ended_at_utc));
        await regroupSessions(sql, String(r.server_id), at, at, gapMinutes, changes);
      }
      for (const id of changes.sessionIds) await refreshSession(sql, id, true, bots);
      return { rounds: rounds.length, sessionsBefore, sessionsAfter: await count() };
    },
    { prelude: db.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})` : undefined },
  );
}
