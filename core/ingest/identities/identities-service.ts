import type { Database } from '../../data/database';
import { Sql, num } from '../../data/sql';
import type { EventMap } from '../../plugin-api/events';
import type { BotRule } from '../../queries/bots';
import { IMPORT_LOCK_KEY, type ImportEventSink } from '../importer';
import { loadIdentityMap, type IdentityMap } from './identity-map';
import { rewriteRounds } from './rewrite-rounds';

/** A merge or unmerge an admin asked for that cannot be done, in words for them. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';
}

export interface IdentityChange {
  /** The identity the GUIDs now belong to (merge), or the GUID set apart (unmerge). */
  identity: string;
  /** Every GUID of the identity afterwards (merge), or the GUIDs left together (unmerge). */
  members: string[];
  /** Stored rounds written again (their rows, or the rows their R2 is derived from, changed identity). */
  roundIds: number[];
}

export interface IdentityListing {
  identity: string;
  name: string | null;
  members: { guid: string; mergedBy: string | null; mergedAt: string | null; rounds: number }[];
}

const GUID = /^[0-9A-F]{8}$/;

/** A GUID as typed: 8 hex digits, any case. Bots are not merged: their "GUID" is their name. */
export function parseGuid(text: string): string {
  const guid = text.trim().toUpperCase();
  if (guid.startsWith('OMNIBOT')) throw new IdentityError('bots cannot be merged: their identity is their name');
  if (!GUID.test(guid)) throw new IdentityError(`'${text}' is not a GUID: 8 hexadecimal digits, as in !stats or etbot export`);
  return guid;
}

/**
 * One player behind several GUIDs (`!merge`, `!unmerge`, `!identities`). A merged GUID's rows are
 * stored under the identity's GUID (the file's GUID kept in `source_guid`), so every query,
 * leaderboard, session and rating follows the identity with no change of its own. Rows are
 * rewritten as the importer would have written them had the merge been made first (R2 values
 * derived again across the pair, names, aliases, session teams), so merging before or after an
 * import gives the same database; unmerging gives back what importing without the merge gives.
 */
export class IdentitiesService {
  constructor(
    private readonly db: Database,
    private readonly bots: BotRule | undefined,
    private readonly events?: ImportEventSink,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `second` (and every GUID merged into it) joins `first`'s identity. */
  async merge(firstText: string, secondText: string, by: string): Promise<IdentityChange> {
    const first = parseGuid(firstText);
    const second = parseGuid(secondText);
    if (first === second) throw new IdentityError('give two different GUIDs');
    return this.write(async (sql, identities) => {
      const keep = identities.get(first) ?? first;
      const join = identities.get(second) ?? second;
      if (keep === join) throw new IdentityError(`${first} and ${second} are already one player (${keep})`);
      const keepMembers = membersOf(keep, identities);
      const joinMembers = membersOf(join, identities);
      const shared = await sql.one(
        `SELECT r.file_name FROM rounds r WHERE r.id IN (
           SELECT round_id FROM player_rounds WHERE guid IN ${Sql.list(keepMembers)}
           INTERSECT SELECT round_id FROM player_rounds WHERE guid IN ${Sql.list(joinMembers)})
         ORDER BY r.ended_at_utc LIMIT 1`,
        [...keepMembers, ...joinMembers],
      );
      if (shared) throw new IdentityError(`${first} and ${second} both played in ${String(shared.file_name)}: they are two people, not one`);
      await sql.run(`UPDATE player_identities SET identity_guid = ? WHERE identity_guid = ?`, [keep, join]);
      await sql.run(`INSERT INTO player_identities (guid, identity_guid, merged_by, merged_at) VALUES (?, ?, ?, ?)`, [
        join,
        keep,
        by,
        this.now().toISOString(),
      ]);
      const members = [...keepMembers, ...joinMembers].sort();
      const roundIds = await rewriteRounds(sql, joinMembers, members, this.bots);
      return { identity: keep, members, roundIds };
    });
  }

  /** `guid` becomes its own player again; the other GUIDs of its identity stay together. */
  async unmerge(text: string): Promise<IdentityChange> {
    const guid = parseGuid(text);
    return this.write(async (sql, identities) => {
      const identity = identities.get(guid) ?? guid;
      const members = membersOf(identity, identities);
      if (members.length === 1) throw new IdentityError(`${guid} is not merged with another GUID`);
      let rest = members.filter((g) => g !== guid);
      if (identity === guid) {
        // The identity's own GUID leaves: the GUID merged first carries the others.
        const order = await sql.all(`SELECT guid FROM player_identities WHERE identity_guid = ? ORDER BY merged_at, guid`, [guid]);
        const heir = String(order[0]!.guid);
        await sql.run(`DELETE FROM player_identities WHERE guid = ?`, [heir]);
        await sql.run(`UPDATE player_identities SET identity_guid = ? WHERE identity_guid = ?`, [heir, guid]);
        rest = [heir, ...rest.filter((g) => g !== heir)];
      } else {
        await sql.run(`DELETE FROM player_identities WHERE guid = ?`, [guid]);
      }
      // Only the leaving GUID's rows move, unless it carried the others.
      const roundIds = await rewriteRounds(sql, identity === guid ? members : [guid], members, this.bots);
      return { identity: guid, members: rest.length > 1 ? rest : [], roundIds };
    });
  }

  /** Every identity with more than one GUID, with each GUID's rounds. */
  async list(): Promise<IdentityListing[]> {
    return this.db.read(async (sql) => {
      const rows = await sql.all(`SELECT guid, identity_guid, merged_by, merged_at FROM player_identities ORDER BY identity_guid, merged_at, guid`);
      if (rows.length === 0) return [];
      const all = [...new Set(rows.flatMap((r) => [String(r.guid), String(r.identity_guid)]))];
      const counts = await sql.all(
        `SELECT COALESCE(source_guid, guid) AS guid, COUNT(*) AS n FROM player_rounds
         WHERE guid IN ${Sql.list(all)} AND in_totals = ? GROUP BY COALESCE(source_guid, guid)`,
        [...all, true],
      );
      const roundsOf = new Map(counts.map((c) => [String(c.guid), num(c.n)]));
      const names = await sql.all(`SELECT guid, name FROM players WHERE guid IN ${Sql.list(all)}`, all);
      const nameOf = new Map(names.map((n) => [String(n.guid), String(n.name)]));
      const byIdentity = new Map<string, IdentityListing>();
      for (const r of rows) {
        const identity = String(r.identity_guid);
        let entry = byIdentity.get(identity);
        if (!entry) {
          entry = {
            identity,
            name: nameOf.get(identity) ?? null,
            members: [{ guid: identity, mergedBy: null, mergedAt: null, rounds: roundsOf.get(identity) ?? 0 }],
          };
          byIdentity.set(identity, entry);
        }
        entry.members.push({ guid: String(r.guid), mergedBy: String(r.merged_by), mergedAt: String(r.merged_at), rounds: roundsOf.get(String(r.guid)) ?? 0 });
      }
      return [...byIdentity.values()];
    });
  }

  /** In one transaction that holds the import lock: no import interleaves with a merge. */
  private async write(work: (sql: Sql, identities: IdentityMap) => Promise<IdentityChange>): Promise<IdentityChange> {
    if (this.db.readOnly) throw new IdentityError('the database is read-only: identities cannot change');
    const change = await this.db.transaction(async (sql) => work(sql, await loadIdentityMap(sql)), {
      prelude: this.db.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})` : undefined,
    });
    const payload: EventMap['identities.changed'] = { identity: change.identity, members: change.members, roundIds: change.roundIds };
    this.events?.emit('identities.changed', payload);
    return change;
  }
}

/** The identity's GUID and every GUID merged into it. */
function membersOf(identity: string, identities: IdentityMap): string[] {
  return [identity, ...[...identities].filter(([, to]) => to === identity).map(([from]) => from)].sort();
}
