import type { Database } from '../data/database';
import { Sql } from '../data/sql';
import type { EventMap } from '../plugin-api/events';
import { toTotals, totalsSelect } from './totals';
import type { PlayerTotalsRow } from './leaderboards';
import { KeptByGuid } from './kept-by-guid';
import { aggregatePlayerDetails, type PlayerDetail } from './player-detail-sums';
import { piecesOfPlayers, ROWS_PER_PIECE } from './player-pieces';

/** How long after the last import the background full rebuild runs (see below). */
const REBUILD_DELAY_MS = 10_000;

/**
 * Every player's all-time totals, kept in memory so the all-time leaderboards do not aggregate
 * every player row on each import (a full aggregate takes seconds at 100,000 rounds), and beside
 * them each player's weapon sums and maps, so an all-time `!stats` reads no player rows.
 *
 * Built once by one aggregate query, then kept up to date: each `round.imported` queues its round
 * ids synchronously and starts re-aggregating just the GUIDs that played those rounds (an indexed
 * query over their rows); a read waits for that refresh, so it never misses the new round. The
 * totals and the details are kept apart, so `!top` never waits for the (slower) weapon sums.
 * A replaced file that drops a player leaves no trace of that player in the event, so a full
 * rebuild also runs in the background a little after the last import and swaps in when no import
 * happened meanwhile.
 */
export class AllTimeTotals {
  private readonly totals: KeptByGuid<PlayerTotalsRow>;
  private readonly details: KeptByGuid<PlayerDetail>;
  private imports = 0;
  private rebuildTimer: NodeJS.Timeout | null = null;
  private rebuilding: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void = () => undefined,
    private readonly rebuildDelayMs = REBUILD_DELAY_MS,
    /** Counted rounds per read of a build (see player-pieces.ts): the totals on SQLite, weapons and maps on both. */
    private readonly rowsPerPiece = ROWS_PER_PIECE,
  ) {
    this.totals = new KeptByGuid(db, (guids) => this.aggregateTotals(guids));
    this.details = new KeptByGuid(db, (guids) => aggregatePlayerDetails(db, guids, rowsPerPiece));
  }

  /** Resolves when no background rebuild is waiting or running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.rebuildTimer || this.rebuilding) await (this.rebuilding ?? new Promise((r) => setTimeout(r, this.rebuildDelayMs + 1)));
  }

  /** Every player with a counted round, up to date with every import seen so far. */
  async rows(): Promise<PlayerTotalsRow[]> {
    // The first build makes the weapon sums and maps too (side by side), so every all-time
    // `!stats` after it reads memory; later refreshes keep them apart (`!top` never waits for them).
    if (!this.totals.built) await Promise.all([this.totals.current(), this.details.current()]);
    return [...(await this.totals.current()).values()];
  }

  /**
   * One player's all-time totals from memory (after any pending refresh), or 'not-built' when the
   * totals have not been built yet (the caller then aggregates the player's rows itself).
   */
  async playerTotals(guid: string): Promise<PlayerTotalsRow | null | 'not-built'> {
    if (!this.totals.built) return 'not-built';
    return (await this.totals.current()).get(guid) ?? null;
  }

  /**
   * One player's all-time weapons and maps from memory (after any pending refresh): empty lists
   * when the player has no counted round, 'not-built' until built (the caller then uses SQL).
   */
  async playerDetail(guid: string): Promise<PlayerDetail | 'not-built'> {
    if (!this.details.built) return 'not-built';
    return (await this.details.current()).get(guid) ?? { weapons: [], maps: [] };
  }

  /** Builds (or brings up to date) the totals and the weapon sums and maps, and waits for both. */
  async build(): Promise<void> {
    await this.totals.current();
    await this.details.current();
  }

  /** Builds the totals (then the weapon sums and maps) now, in the background (the bot calls it at start). */
  warmUp(): void {
    if (!this.totals.built) void this.rows().catch(this.onError);
  }

  /** Call from the `round.imported` handler (synchronously queues the rounds). */
  roundImported(payload: EventMap['round.imported']): void {
    this.imports++;
    const rounds = [payload.roundId, ...payload.rederivedRoundIds];
    this.totals.queue(rounds);
    this.details.queue(rounds);
    // Refresh now, in the background: the import pays for it, not the next `!top` or `!stats`.
    if (this.totals.built) this.inBackground(() => this.totals.current());
    if (this.details.built) this.inBackground(() => this.details.current());
    this.scheduleRebuild();
  }

  /** Forget everything (the next read rebuilds). */
  reset(): void {
    this.imports++;
    this.totals.reset();
    this.details.reset();
  }

  close(): void {
    this.closed = true;
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = null;
  }

  private inBackground(work: () => Promise<unknown>): void {
    if (this.closed) return;
    void work().catch((err) => this.closed || this.onError(err));
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
    if (this.closed || !this.totals.built) return;
    const importsAtStart = this.imports;
    // An import during the rebuild may be missing from it: keep the incremental state and try later.
    const stale = () => this.imports !== importsAtStart || this.closed;
    try {
      const [totals, details] = await Promise.all([this.aggregateTotals(null), aggregatePlayerDetails(this.db, null, this.rowsPerPiece)]);
      const swapped = (await this.totals.replace(totals, stale)) && (await this.details.replace(details, stale));
      if (!swapped) this.scheduleRebuild();
    } catch (err) {
      this.onError(err);
    }
  }

  /**
   * All players (guids null) or just these. PostgreSQL sums everybody in one statement (it runs
   * beside everything else). SQLite reads a piece of players at a time, each a turn of its own:
   * better-sqlite3 runs a statement synchronously, and everybody at once (2 s at 100,000 rounds)
   * would hold up every command, the bot's start and Discord's heartbeat for that long.
   */
  private async aggregateTotals(guids: string[] | null): Promise<Map<string, PlayerTotalsRow>> {
    const result = new Map<string, PlayerTotalsRow>();
    const everyone = guids === null && this.db.kind === 'postgres';
    const pieces = everyone ? [null] : await piecesOfPlayers(this.db, guids, this.rowsPerPiece);
    for (const piece of pieces) {
      const filter = piece === null ? '' : ` AND pr.guid IN ${Sql.list(piece)}`;
      const rows = await this.db.read((sql) =>
        sql.all(
          `SELECT t.*, p.name AS player_name FROM (
             SELECT pr.guid AS guid, ${totalsSelect()} FROM player_rounds pr
              WHERE pr.in_totals = TRUE${filter} GROUP BY pr.guid
           ) t JOIN players p ON p.guid = t.guid`,
          piece ?? [],
        ),
      );
      for (const row of rows) {
        const guid = String(row.guid);
        result.set(guid, { player: { guid, name: String(row.player_name) }, totals: toTotals(row) });
      }
    }
    return result;
  }
}
