import type { Sql } from '../data/sql';
import { appendMaps, clearRatings, loadPlayerRatings, loadStoredMaps, savePlayers, type StoredMap } from './data/rating-store';
import { fingerprint, loadMatchFacts, loadMatchHeaders, type MatchHeader } from './data/match-source';
import { RatingLedger, SECOND_ATTACK_KEY, type RatedMap } from './ledger';
import type { RatingParams } from './weng-lin';

export type SyncMode = 'none' | 'incremental' | 'full';

export interface SyncResult {
  mode: SyncMode;
  /** Maps (re)rated by this sync. */
  maps: number;
  /** Why a full recompute happened. */
  reason?: string;
}

/**
 * Brings the rating tables up to date with the matches, in one transaction.
 * Incremental when the stored maps are an unchanged prefix of the current ones (new maps only at
 * the end); otherwise, or when an already rated round was re-derived (`touchedRoundIds`), the
 * rating is recomputed from scratch, so it never depends on the order files arrived in.
 */
export async function syncRatings(sql: Sql, params: RatingParams, touchedRoundIds: ReadonlySet<number>, forceFull: boolean): Promise<SyncResult> {
  const current = await loadMatchHeaders(sql);
  const stored = await loadStoredMaps(sql);
  const reason = forceFull ? 'requested' : whyRecompute(current, stored, touchedRoundIds);
  if (reason) {
    await clearRatings(sql);
    const ledger = new RatingLedger(params);
    const rated = await rateAll(sql, ledger, current);
    await appendMaps(sql, rated, 0);
    await savePlayers(sql, ledger.all());
    return { mode: 'full', maps: rated.length, reason };
  }
  const added = current.slice(stored.length);
  if (added.length === 0) return { mode: 'none', maps: 0 };
  const ledger = new RatingLedger(params, await loadPlayerRatings(sql));
  const rated = await rateAll(sql, ledger, added);
  await appendMaps(sql, rated, stored.length);
  const touched = new Set(rated.flatMap((m) => m.entries.map((e) => e.guid)));
  if (rated.some((m) => m.rated)) touched.add(SECOND_ATTACK_KEY);
  await savePlayers(sql, ledger.all().filter((p) => touched.has(p.guid)));
  return { mode: 'incremental', maps: rated.length };
}

function whyRecompute(current: readonly MatchHeader[], stored: readonly StoredMap[], touchedRoundIds: ReadonlySet<number>): string | null {
  if (stored.length > current.length) return 'a rated map is gone';
  for (let i = 0; i < stored.length; i++) {
    if (stored[i]!.fingerprint !== fingerprint(current[i]!)) return 'a map changed or arrived before the last rated one';
    if (touchedRoundIds.has(stored[i]!.r1RoundId) || touchedRoundIds.has(stored[i]!.r2RoundId)) return 'a rated round was re-derived';
  }
  return null;
}

async function rateAll(sql: Sql, ledger: RatingLedger, headers: readonly MatchHeader[]): Promise<RatedMap[]> {
  const facts = await loadMatchFacts(sql, headers);
  return facts.map((f) => ledger.apply(f));
}
