import type { Sql } from '../../data/sql';
import type { RawPlayer } from '../derive/types';

/** Merged GUID -> the GUID of the identity it belongs to (GUIDs that are their own identity are absent). */
export type IdentityMap = ReadonlyMap<string, string>;

export async function loadIdentityMap(sql: Sql): Promise<IdentityMap> {
  const rows = await sql.all(`SELECT guid, identity_guid FROM player_identities`);
  return new Map(rows.map((r) => [String(r.guid), String(r.identity_guid)]));
}

/**
 * A round's players stored under their identities: each line's GUID becomes the identity's, the
 * file's GUID kept as `sourceGuid`. Two lines of one round that would land on the same identity
 * (two people merged by mistake, or one player on two clients) stay apart under their own GUIDs,
 * so nothing of the file is lost.
 */
export function assignIdentities(players: readonly RawPlayer[], identities: IdentityMap): RawPlayer[] {
  const target = (p: RawPlayer): string => {
    const own = p.sourceGuid ?? p.guid;
    return identities.get(own) ?? own;
  };
  const perIdentity = new Map<string, number>();
  for (const p of players) perIdentity.set(target(p), (perIdentity.get(target(p)) ?? 0) + 1);
  return players.map((p) => {
    const own = p.sourceGuid ?? p.guid;
    const identity = perIdentity.get(target(p))! > 1 ? own : target(p);
    const { sourceGuid: _previous, ...rest } = p;
    return identity === own ? { ...rest, guid: own } : { ...rest, guid: identity, sourceGuid: own };
  });
}
