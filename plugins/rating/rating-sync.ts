import type { PluginStorage } from 'etbot/plugin-api';
import { appendMaps, clearRatings, loadCalibrationSamples, loadPlayerRatings, loadStoredMaps, savePlayers, type StoredMap } from './data/rating-store';
import { fingerprint, loadMatchFacts, loadMatchHeaders, type MatchHeader, type MatchSource } from './data/match-source';
import { RatingLedger, SECOND_ATTACK_KEY } from './model/ledger';
import type { RatingParams } from './model/weng-lin';

export type SyncMode = 'none' | 'incremental' | 'full';

export interface SyncResult {
  mode: SyncMode;
  /** Maps (re)rated by this sync. */
  maps: number;
  /** Why a full recompute happened. */
  reason?: string;
}

/**
 * Brings the rating tables up to date with the matches; the rating tables change in one
 * transaction. Incremental when the stored maps are an unchanged prefix of the current ones (new
 * maps only at the end); otherwise, or when an already rated round was re-derived
 * (`touchedRoundIds`), the rating is recomputed from scratch, so it never depends on the order
 * files arrived in. The matches are read before that transaction (the core's reads cannot run
 * inside a plugin's transaction): an import meanwhile raises its own `round.imported`, whose
 * sync sees the change (a new map, a fingerprint or a touched round) and catches up.
 */
export async function syncRatings(
  source: MatchSource,
  storage: PluginStorage,
  params: RatingParams,
  touchedRoundIds: ReadonlySet<number>,
  forceFull: boolean,
): Promise<SyncResult> {
  const current = await loadMatchHeaders(source);
  const stored = await storage.read(loadStoredMaps);
  const reason = forceFull ? 'requested' : whyRecompute(current, stored, touchedRoundIds);
  if (reason) {
    const facts = await loadMatchFacts(source, current);
    const ledger = new RatingLedger(params);
    const rated = facts.map((f) => ledger.apply(f));
    await storage.transaction(async (sql) => {
      await clearRatings(sql);
      await appendMaps(sql, rated, 0);
      await savePlayers(sql, ledger.all());
    });
    return { mode: 'full', maps: rated.length, reason };
  }
  const added = current.slice(stored.length);
  if (added.length === 0) return { mode: 'none', maps: 0 };
  const facts = await loadMatchFacts(source, added);
  const rated = await storage.transaction(async (sql) => {
    const ledger = new RatingLedger(params, await loadPlayerRatings(sql), {}, await loadCalibrationSamples(sql));
    const maps = facts.map((f) => ledger.apply(f));
    await appendMaps(sql, maps, stored.length);
    const touched = new Set(maps.flatMap((m) => m.entries.map((e) => e.guid)));
    if (maps.some((m) => m.rated)) touched.add(SECOND_ATTACK_KEY);
    await savePlayers(
      sql,
      ledger.all().filter((p) => touched.has(p.guid)),
    );
    return maps;
  });
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
