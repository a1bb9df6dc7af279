import type { Database } from '../data/database';
import { Mutex } from '../data/mutex';
import { Sql } from '../data/sql';

/**
 * Per-player figures kept in memory: built once by `aggregate(null)`, then brought up to date
 * before each read by re-aggregating only the GUIDs that played the rounds queued since.
 */
export class KeptByGuid<T> {
  private map: Map<string, T> | null = null;
  private pending: number[] = [];
  private readonly mutex = new Mutex();

  constructor(
    private readonly db: Database,
    private readonly aggregate: (guids: string[] | null) => Promise<Map<string, T>>,
  ) {}

  get built(): boolean {
    return this.map !== null;
  }

  /** Every player's figures, up to date with every queued round (built first when needed). */
  current(): Promise<Map<string, T>> {
    return this.mutex.run(async () => {
      if (!this.map) {
        this.pending = [];
        this.map = await this.aggregate(null);
      } else if (this.pending.length > 0) {
        const rounds = [...new Set(this.pending)];
        this.pending = [];
        await this.refresh(this.map, rounds);
      }
      return this.map;
    });
  }

  /** Synchronously notes rounds to fold in before the next read. */
  queue(roundIds: number[]): void {
    this.pending.push(...roundIds);
  }

  /** Forget everything (the next read rebuilds). */
  reset(): void {
    this.map = null;
  }

  /** Swaps in a full rebuild unless `stale()` (an import happened meanwhile); true when swapped. */
  replace(fresh: Map<string, T>, stale: () => boolean): Promise<boolean> {
    return this.mutex.run(async () => {
      if (stale()) return false;
      this.map = fresh;
      this.pending = [];
      return true;
    });
  }

  private async refresh(map: Map<string, T>, roundIds: number[]): Promise<void> {
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
      const value = fresh.get(guid);
      if (value !== undefined) map.set(guid, value);
      else map.delete(guid);
    }
  }
}
