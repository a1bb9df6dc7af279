import type { Database } from '../data/database';
import type { QueryCache } from '../cache/query-cache';
import { closeNames } from './close-names';
import { containsPattern } from './like';
import type { PlayerLookup, PlayerRef } from './types';

const MAX_CANDIDATES = 10;
/** Only players with a counted row (spec §9 Counting: others are not listed). */
const HAS_ROUNDS = 'EXISTS (SELECT 1 FROM player_rounds x WHERE x.guid = p.guid AND x.in_totals = TRUE)';

/**
 * Finds a player from what someone typed: a GUID, the clean name, an alias (all exact,
 * case-insensitive), else part of a name or alias. Exact beats partial; several players at the
 * same level is `ambiguous`; nothing is `unknown` with close names.
 */
export class PlayerLookupService {
  constructor(
    private readonly db: Database,
    private readonly cache: QueryCache,
  ) {}

  find(query: string): Promise<PlayerLookup> {
    const text = query.trim();
    return this.cache.wrap(`lookup:${text.toLowerCase()}`, () => this.load(text));
  }

  /** Display name of a GUID (null when unknown). */
  byGuid(guid: string): Promise<PlayerRef | null> {
    return this.cache.wrap(`player:${guid}`, () =>
      this.db.read(async (sql) => {
        // A merged GUID names its identity's player.
        const row = await sql.one<{ guid: string; name: string }>(
          'SELECT guid, name FROM players WHERE guid = COALESCE((SELECT identity_guid FROM player_identities WHERE guid = ?), ?)',
          [guid, guid],
        );
        return row ? { guid: row.guid, name: row.name } : null;
      }),
    );
  }

  /** Players whose name or alias contains `text` (autocomplete), most active first. */
  suggest(text: string, limit: number): Promise<PlayerRef[]> {
    const lower = text.trim().toLowerCase();
    return this.cache.wrap(`suggest:${limit}:${lower}`, () =>
      this.db.read(async (sql) => {
        const rows = await sql.all<{ guid: string; name: string }>(
          `SELECT p.guid, p.name FROM players p WHERE ${HAS_ROUNDS}
             AND (p.name_lower LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM player_aliases a WHERE a.guid = p.guid AND a.clean_name_lower LIKE ? ESCAPE '\\'))
           ORDER BY p.last_seen_utc DESC, p.guid LIMIT ?`,
          [containsPattern(lower), containsPattern(lower), limit],
        );
        return rows.map(ref);
      }),
    );
  }

  private load(text: string): Promise<PlayerLookup> {
    const lower = text.toLowerCase();
    return this.db.read(async (sql) => {
      if (text === '') return { kind: 'unknown', query: text, suggestions: [] };
      const exact = await sql.all<{ guid: string; name: string; how: string }>(
        `SELECT p.guid, p.name, 'guid' AS how FROM players p
           WHERE (p.guid IN (?, ?) OR p.guid IN (SELECT identity_guid FROM player_identities WHERE guid IN (?, ?))) AND ${HAS_ROUNDS}
         UNION ALL
         SELECT p.guid, p.name, 'name' AS how FROM players p WHERE p.name_lower = ? AND ${HAS_ROUNDS}
         UNION ALL
         SELECT p.guid, p.name, 'alias' AS how FROM player_aliases a JOIN players p ON p.guid = a.guid
           WHERE a.clean_name_lower = ? AND ${HAS_ROUNDS}`,
        [text, text.toUpperCase(), text, text.toUpperCase(), lower, lower],
      );
      for (const how of ['guid', 'name', 'alias'] as const) {
        const hits = unique(exact.filter((r) => r.how === how).map(ref)).sort(byName);
        if (hits.length === 1) return { kind: 'found', player: hits[0]!, matchedBy: how };
        if (hits.length > 1) return ambiguous(text, hits);
      }
      const partial = await sql.all<{ guid: string; name: string }>(
        `SELECT p.guid, p.name FROM players p WHERE ${HAS_ROUNDS}
           AND (p.name_lower LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM player_aliases a WHERE a.guid = p.guid AND a.clean_name_lower LIKE ? ESCAPE '\\'))
`,
        [containsPattern(lower), containsPattern(lower)],
      );
      partial.sort(byName);
      if (partial.length === 1) return { kind: 'found', player: ref(partial[0]!), matchedBy: 'partial' };
      if (partial.length > 1) return ambiguous(text, partial.map(ref));
      const all = await sql.all<{ guid: string; name: string }>(`SELECT p.guid, p.name FROM players p WHERE ${HAS_ROUNDS}`);
      return { kind: 'unknown', query: text, suggestions: closeNames(text, all.map(ref), 3) };
    });
  }
}

function ref(row: { guid: string; name: string }): PlayerRef {
  return { guid: row.guid, name: row.name };
}

/** Code-unit order, the same on every database (collations differ). */
export function byName(a: { name: string; guid: string }, b: { name: string; guid: string }): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0;
}

function unique(refs: PlayerRef[]): PlayerRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.guid) ? false : (seen.add(r.guid), true)));
}

function ambiguous(query: string, candidates: PlayerRef[]): PlayerLookup {
  return { kind: 'ambiguous', query, candidates: candidates.slice(0, MAX_CANDIDATES), total: candidates.length };
}
