import type { Database } from '../data/database';
import { Sql } from '../data/sql';
import { Mutex } from '../data/mutex';
import type { EventMap } from '../plugin-api/events';
import { toTotals, totalsSelect } from './totals';
import type { PlayerTotalsRow } from './leaderboards';
import { aggregatePlayerDetails, type PlayerDetail } from './player-detail-sums';

/** How long after the last import the background full rebuild runs (see below). */
const REBUILD_DELAY_MS = 10_000;

/**
 * Every player's all-time totals, kept in memory so the all-time leaderboards do not aggregate
 * every player row on each import (a full aggregate takes seconds at 100,000 rounds).
 *
 * Built once by one aggregate query, then kept up to date: each `round.imported` queues its round
 * ids synchronously and starts re-aggregating just the GUIDs that played those rounds (an indexed
 * query over their rows); a read waits for that refresh, so it never misses the new round. A replaced file that drops a player leaves no trace of that
 * player in the event, so a full rebuild also runs in the background a little after the last
 * import and swaps in when no import happened meanwhile.
 */
export class AllTimeTotals {
  private totals: Map<string, PlayerTotalsRow> | null = null;
  /** Per player weapon sums and maps (all-time `!stats`), built and refreshed with `totals`. */
  private details: Map<string, PlayerDetail> = new Map();
  private pendingRounds: number[] = [];
  private readonly mutex = new Mutex();
  private imports = 0;
  private rebuildTimer: NodeJS.Timeout | null = null;
  private rebuilding: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void = () => undefined,
    private readonly rebuildDelayMs = REBUILD_DELAY_MS,
  ) {}

  /** Resolves when no background rebuild is waiting or running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.rebuildTimer || this.rebuilding) await (this.rebuilding ?? new Promise((r) => setTimeout(r, this.rebuildDelayMs + 1)));
  }

  /** Every player with a counted round, up to date with every import seen so far. */
  rows(): Promise<PlayerTotalsRow[]> {
    return this.mutex.run(async () => {
      await this.bringUpToDate();
      return [...this.totals!.values()];
    });
  }

  private async bringUpToDate(): Promise<void> {
    if (!this.totals) {
      this.pendingRounds = [];
      const built = await this.aggregate(null);
      this.totals = built.totals;
      this.details = built.details;
    } else if (this.pendingRounds.length > 0) {
      const rounds = [...new Set(this.pendingRounds)];
      this.pendingRounds = [];
      await this.refreshRounds(this.totals, this.details, rounds);
    }
  }

  /**
   * One player's all-time totals from memory (after any pending refresh), or 'not-built' when the
   * totals have not been built yet (the caller then aggregates the player's rows itself).
   */
  async playerTotals(guid: string): Promise<PlayerTotalsRow | null | 'not-built'> {
    if (!this.totals) return 'not-built';
    return this.mutex.run(async () => {
      await this.bringUpToDate();
      return this.totals?.get(guid) ?? null;
    });
  }

  /**
   * One player's all-time weapons and maps from memory (after any pending refresh): no rows when
   * the player has no counted round, 'not-built' before the first build (the caller uses SQL).
   */
  async playerDetail(guid: string): Promise<PlayerDetail | 'not-built'> {
    if (!this.totals) return 'not-built';
    return this.mutex.run(async () => {
      await this.bringUpToDate();
      return this.details.get(guid) ?? { weapons: [], maps: [] };
    });
  }

  /** Builds the totals now, in the background (the bot calls it at start). */
  warmUp(): void {
    if (!this.totals) void this.rows().catch(this.onError);
  }

  /** Call from the `round.imported` handler (synchronously queues the rounds). */
  roundImported(payload: EventMap['round.imported']): void {
    this.imports++;
    this.pendingRounds.push(payload.roundId, ...payload.rederivedRoundIds);
    // Refresh now, in the background: the import pays for it, not the next `!top`.
    if (this.totals && !this.closed) void this.rows().catch((err) => this.closed || this.onError(err));
    this.scheduleRebuild();
  }

  /** Forget everything (the next read rebuilds). */
  reset(): void {
    this.imports++;
    this.totals = null;
    this.details = new Map();
  }

  close(): void {
    this.closed = true;
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = null;
  }

  private scheduleRebuild(): void {
    if (this.closed) return;
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = null;
      this.rebuilding = this.rebuildInBackground().finally(() => {
        this.rebuilding = null;
      });
    }, this.rebuildDelayMs);
    this.rebuildTimer.unref();
  }

  private async rebuildInBackground(): Promise<void> {
    if (this.closed || !this.totals) return;
    const importsAtStart = this.imports;
    try {
      const fresh = await this.aggregate(null);
      await this.mutex.run(async () => {
        // An import during the rebuild may be missing from `fresh`: keep the incremental state and try later.
        if (this.imports !== importsAtStart || this.closed) {
          this.scheduleRebuild();
          return;
        }
        this.totals = fresh.totals;
        this.details = fresh.details;
        this.pendingRounds = [];
      });
    } catch (err) {
      this.onError(err);
    }
  }

  private async refreshRounds(totals: Map<string, PlayerTotalsRow>, details: Map<string, PlayerDetail>, roundIds: number[]): Promise<void> {
    const guids = await this.db.read(async (sql) => {
      const found = new Set<string>();
      for (let i = 0; i < roundIds.length; i += 500) {
        const chunk = roundIds.slice(i, i + 500);
        const rows = await sql.all<{ guid: string }>(`SELECT DISTINCT guid FROM player_rounds WHERE round_id IN ${Sql.list(chunk)}`, chunk);
        for (const r of rows) found.add(String(r.guid));
      }
      return [...found];
    });
    if (guids.length === 0) return;
    const fresh = await this.aggregate(guids);
    for (const guid of guids) {
      const row = fresh.totals.get(guid);
      if (row) totals.set(guid, row);
      else totals.delete(guid);
      const detail = fresh.details.get(guid);
      if (detail) details.set(guid, detail);
      else details.delete(guid);
    }
  }

  /** All players (guids null) or just these. */
  private aggregate(guids: string[] | null): Promise<{ totals: Map<string, PlayerTotalsRow>; details: Map<string, PlayerDetail> }> {
    const details = aggregatePlayerDetails(this.db, guids);
    const totals = this.db.read(async (sql) => {
      const result = new Map<string, PlayerTotalsRow>();
      const chunks = guids === null ? [null] : Array.from({ length: Math.ceil(guids.length / 500) }, (_, i) => guids.slice(i * 500, i * 500 + 500));
      for (const chunk of chunks) {
        const filter = chunk === null ? '' : ` AND pr.guid IN ${Sql.list(chunk)}`;
        const rows = await sql.all(
          `SELECT t.*, p.name AS player_name FROM (
             SELECT pr.guid AS guid, ${totalsSelect()} FROM player_rounds pr
              WHERE pr.in_totals = TRUE${filter} GROUP BY pr.guid
           ) t JOIN players p ON p.guid = t.guid`,
          chunk ?? [],
        );
        for (const row of rows) {
          const guid = String(row.guid);
          result.set(guid, { player: { guid, name: String(row.player_name) }, totals: toTotals(row) });
        }
      }
      return result;
    });
    return Promise.all([totals, details]).then(([t, d]) => ({ totals: t, details: d }));
  }
}
