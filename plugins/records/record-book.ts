import type { BotRule, EventMap, Logger, PluginStorage, RoundValuesService } from 'etbot/plugin-api';
import { RecordStore } from './data/record-store';
import { mapTimes, roundBests, type MapTime, type MapTimeKind, type RoundBest } from './record-stats';

/** Rounds read per page when the book is rebuilt. */
const ROUNDS_PER_PAGE = 500;

/**
 * The record book: every round's best players per stat and every stopwatch time, kept in the
 * plugin's tables and derived only from stored rows (so import order does not matter). Events
 * update the rounds they name; a version mismatch (imports this process did not see) rebuilds it.
 */
export class RecordBook {
  readonly store: RecordStore;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly values: RoundValuesService,
    private readonly storage: PluginStorage,
    private readonly logger: Logger,
    private readonly bots: BotRule,
  ) {
    this.store = new RecordStore(storage);
  }

  /** Brings the book up to date with every stored round (a rebuild only when it missed imports). */
  sync(): Promise<void> {
    return this.serial(async () => {
      const current = await this.values.version();
      if ((await this.store.version()) === current) return;
      // A read-only database keeps the book it has: it cannot be brought up to date there.
      if (this.storage.readOnly) {
        this.logger.warn('records: the database is read-only, so the record book stays as it was stored');
        return;
      }
      this.logger.info('records: rebuilding the record book from the stored rounds');
      await this.store.clear();
      let after = 0;
      for (;;) {
        // Stopping mid-build leaves the version unset: the next start builds the book again.
        if (this.stopped) return;
        const ids = await this.values.roundIdsAfter(after, ROUNDS_PER_PAGE);
        if (ids.length === 0) break;
        await this.recompute(ids);
        after = ids[ids.length - 1]!;
      }
      await this.store.replaceRounds([], [], [], current);
    });
  }

  /**
   * `round.imported`: recomputes the round and those it re-derived. `beforeUpdate` runs first, in
   * the same turn, so it sees the book as it was without these rounds' new values.
   */
  roundImported(event: EventMap['round.imported'], beforeUpdate?: () => Promise<void>): Promise<void> {
    return this.serial(async () => {
      const stored = await this.store.version();
      if (stored === null) return; // never built: the next sync builds it whole
      await beforeUpdate?.();
      await this.recompute([event.roundId, ...event.rederivedRoundIds], await this.values.version());
    });
  }

  /** Rounds whose rows were written again (GUIDs merged or set apart): their entries are recomputed. */
  roundsRewritten(roundIds: readonly number[]): Promise<void> {
    return this.serial(async () => {
      if ((await this.store.version()) === null) return;
      const version = await this.values.version();
      for (let i = 0; i < roundIds.length; i += ROUNDS_PER_PAGE) await this.recompute(roundIds.slice(i, i + ROUNDS_PER_PAGE), version);
    });
  }

  /** `best` of every stat at once: the first `holders` holders of each, and how many share it. */
  async bestOfEach(stats: readonly string[], holders: number, map?: string): Promise<{ rows: RoundBest[]; ties: Map<string, number> }> {
    for (;;) {
      const result = await this.store.bestOfEach(stats, holders, map);
      if (await this.allExist(result.rows.map((h) => h.roundId))) return result;
    }
  }

  async top(stat: string, limit: number): Promise<RoundBest[]> {
    for (;;) {
      const rows = await this.store.top(stat, limit);
      if (await this.allExist(rows.map((h) => h.roundId))) return rows;
    }
  }

  async mapBest(kind: MapTimeKind, map: string): Promise<MapTime[]> {
    for (;;) {
      const rows = await this.store.mapBest(kind, map);
      if (await this.allExist(rows.map((h) => h.roundId))) return rows;
    }
  }

  /** Stops a build in progress at its next page and waits for queued work. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.chain;
  }

  /** Waits for queued updates. */
  idle(): Promise<void> {
    return this.chain;
  }

  /** A replaced file's old round leaves entries behind: drop them when a read meets them. */
  private async allExist(roundIds: number[]): Promise<boolean> {
    const unique = [...new Set(roundIds)];
    if (unique.length === 0) return true;
    const existing = new Set(await this.values.existingRoundIds(unique));
    const gone = unique.filter((id) => !existing.has(id));
    if (gone.length === 0) return true;
    await this.store.forgetRounds(gone);
    return false;
  }

  private async recompute(roundIds: number[], version?: string): Promise<void> {
    const rows = await this.values.ofRounds(roundIds);
    const headers = await this.values.headers(roundIds);
    await this.store.replaceRounds(roundIds, roundBests(rows, this.bots), headers.flatMap(mapTimes), version);
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work, work);
    this.chain = next.catch((err) => this.logger.error({ err }, 'records: updating the record book failed'));
    return next;
  }
}
