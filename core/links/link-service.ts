import type { QueryCache } from '../cache/query-cache';
import type { Database } from '../data/database';

export interface PlayerLinkInfo {
  discordUserId: string;
  guid: string;
  linkedBy: string;
  linkedAt: string;
}

export type LinkOutcome =
  | { kind: 'linked'; previousGuid: string | null }
  | { kind: 'unchanged' }
  /** The GUID belongs to another Discord account; only an admin (`force`) may move it. */
  | { kind: 'taken'; byUserId: string };

export interface LinkOptions {
  /** Who is linking (the user, or an admin's id). */
  by: string;
  /** Move the GUID away from another account (admins). */
  force?: boolean;
  /** ISO instant; default now. */
  at?: string;
}

/** Discord user id <-> GUID links. Reads go through the cache; every change empties it. */
export class LinkService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
  ) {}

  /** The player (identity GUID: a linked GUID merged into another gives that one) of a Discord account, or null. */
  guidFor(discordUserId: string): Promise<string | null> {
    return this.cache.wrap(`link:user:${discordUserId}`, () =>
      this.db.read(async (sql) => {
        const row = await sql.one<{ guid: string }>(
          `SELECT COALESCE(i.identity_guid, l.guid) AS guid FROM player_links l LEFT JOIN player_identities i ON i.guid = l.guid WHERE l.discord_user_id = ?`,
          [discordUserId],
        );
        return row ? String(row.guid) : null;
      }),
    );
  }

  /** The Discord account linked to a GUID, or null. */
  userFor(guid: string): Promise<string | null> {
    return this.cache.wrap(`link:guid:${guid}`, () =>
      this.db.read(async (sql) => {
        // Linked through any GUID of the player's identity; the identity's own GUID first.
        const row = await sql.one<{ discord_user_id: string }>(
          `SELECT discord_user_id FROM player_links WHERE guid = ? OR guid IN (SELECT guid FROM player_identities WHERE identity_guid = ?)
           ORDER BY CASE WHEN guid = ? THEN 0 ELSE 1 END, linked_at LIMIT 1`,
          [guid, guid, guid],
        );
        return row?.discord_user_id ?? null;
      }),
    );
  }

  byUser(discordUserId: string): Promise<PlayerLinkInfo | null> {
    return this.db.read(async (sql) => {
      const row = await sql.one('SELECT discord_user_id, guid, linked_by, linked_at FROM player_links WHERE discord_user_id = ?', [discordUserId]);
      return row
        ? { discordUserId: String(row.discord_user_id), guid: String(row.guid), linkedBy: String(row.linked_by), linkedAt: String(row.linked_at) }
        : null;
    });
  }

  async link(discordUserId: string, guid: string, options: LinkOptions): Promise<LinkOutcome> {
    const outcome = await this.db.transaction(async (sql): Promise<LinkOutcome> => {
      const owner = await sql.one<{ discord_user_id: string }>('SELECT discord_user_id FROM player_links WHERE guid = ?', [guid]);
      if (owner && owner.discord_user_id === discordUserId) return { kind: 'unchanged' };
      if (owner && !options.force) return { kind: 'taken', byUserId: owner.discord_user_id };
      if (owner) await sql.run('DELETE FROM player_links WHERE guid = ?', [guid]);
      const previous = await sql.one<{ guid: string }>('SELECT guid FROM player_links WHERE discord_user_id = ?', [discordUserId]);
      await sql.run('DELETE FROM player_links WHERE discord_user_id = ?', [discordUserId]);
      await sql.run('INSERT INTO player_links (discord_user_id, guid, linked_by, linked_at) VALUES (?, ?, ?, ?)', [
        discordUserId,
        guid,
        options.by,
        options.at ?? new Date().toISOString(),
      ]);
      return { kind: 'linked', previousGuid: previous?.guid ?? null };
    });
    if (outcome.kind === 'linked') this.cache.invalidate();
    return outcome;
  }

  /** Removes the account's link; returns the GUID it had, or null when there was none. */
  async unlink(discordUserId: string): Promise<string | null> {
    const guid = await this.db.transaction(async (sql) => {
      const row = await sql.one<{ guid: string }>('SELECT guid FROM player_links WHERE discord_user_id = ?', [discordUserId]);
      if (!row) return null;
      await sql.run('DELETE FROM player_links WHERE discord_user_id = ?', [discordUserId]);
      return row.guid;
    });
    if (guid !== null) this.cache.invalidate();
    return guid;
  }
}
