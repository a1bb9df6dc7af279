import type { Database } from '../data/database';
import type { Logger } from '../logging/logger';
import type { EventMap } from '../plugin-api/events';
import { balanceTeams, type BalancedTeams, type BalancePlayer } from './balance';
import type { PlayerRating } from './ledger';
import {
  leaderboard,
  playerSummary,
  rankOf,
  ratingsOf,
  secondAttackAdvantage,
  type PlayerRatingSummary,
  type RatingLeaderboard,
  type RatingLeaderboardOptions,
  type RatingLeaderboardRow,
} from './rating-queries';
import { syncRatings, type SyncResult } from './rating-sync';
import { DEFAULT_RATING_PARAMS, type RatingParams } from './weng-lin';

export interface RatingServiceOptions {
  params?: RatingParams;
  /** Quiet time after the last `round.imported` before the rating catches up (default 2000 ms). */
  debounceMs?: number;
  logger?: Logger;
}

/** Thrown by reads while the rating plugin is not enabled (its tables may not exist). */
export class RatingUnavailableError extends Error {
  override readonly name = 'RatingUnavailableError';
  constructor() {
    super('the rating plugin is not enabled');
  }
}

/**
 * The stopwatch skill rating: keeps the rating tables in step with the imported matches and
 * answers reads. Work is serialised; imports are coalesced (a backfill of hundreds of files is
 * one recompute, not hundreds).
 */
export class RatingService {
  readonly params: RatingParams;
  private readonly debounceMs: number;
  private active = false;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private pending = false;
  private pendingFull = false;
  private readonly touched = new Set<number>();
  private lastError: unknown = null;

  constructor(
    private readonly db: Database,
    private readonly options: RatingServiceOptions = {},
  ) {
    this.params = options.params ?? DEFAULT_RATING_PARAMS;
    this.debounceMs = options.debounceMs ?? 2000;
  }

  /** Whether the rating plugin is enabled (reads throw RatingUnavailableError otherwise). */
  get isActive(): boolean {
    return this.active;
  }

  /**
   * Called by the rating plugin when enabled: brings the stored ratings up to date in the
   * background. The stored maps' fingerprints tell whether anything changed while the plugin was
   * off (then it recomputes from scratch); otherwise only new maps are rated, so a restart does
   * not reload the whole history (at 100k rounds that held ~400 MB for nothing).
   */
  activate(): void {
    this.active = true;
    this.schedule(0);
  }

  /** Called when the plugin is disabled: stops the timer and waits for running work. */
  async deactivate(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = false;
    await this.queue.catch(() => undefined);
  }

  /** A round was imported: rate what changed after a quiet moment. */
  noteImported(event: Pick<EventMap['round.imported'], 'roundId' | 'rederivedRoundIds'>): void {
    this.touched.add(event.roundId);
    for (const id of event.rederivedRoundIds) this.touched.add(id);
    this.schedule(this.debounceMs);
  }

  /** Runs pending work now and waits for it; throws what the last background run threw. */
  async settle(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending) this.enqueuePending();
    await this.queue.catch(() => undefined);
    const err = this.lastError;
    this.lastError = null;
    if (err) throw err;
  }

  /** Like settle() for readers: runs pending work now, waits, never throws (failures are logged). */
  async ready(): Promise<void> {
    await this.settle().catch(() => undefined);
  }

  /** Brings the rating up to date now (full: recompute from scratch). */
  sync(full = false): Promise<SyncResult> {
    const touched = new Set(this.touched);
    this.touched.clear();
    // A read-only database keeps the ratings it has: they cannot be brought up to date there.
    if (this.db.readOnly) return Promise.resolve({ mode: 'none', maps: 0, reason: 'the database is read-only' });
    const run = this.queue.catch(() => undefined).then(() => this.db.transaction((sql) => syncRatings(sql, this.params, touched, full)));
    this.queue = run;
    return run;
  }

  async leaderboard(options: RatingLeaderboardOptions = {}): Promise<RatingLeaderboard> {
    this.requireActive();
    return this.db.read((sql) => leaderboard(sql, options));
  }

  /** A player's row on the board (for "your rank"), or null when not ranked. */
  async rankOf(guid: string, options: Omit<RatingLeaderboardOptions, 'offset' | 'limit'> = {}): Promise<RatingLeaderboardRow | null> {
    this.requireActive();
    return this.db.read((sql) => rankOf(sql, guid, options));
  }

  async player(guid: string): Promise<PlayerRatingSummary> {
    this.requireActive();
    return this.db.read((sql) => playerSummary(sql, guid, this.params));
  }

  /** Current ratings (the starting rating for players never rated). */
  async ratings(guids: readonly string[]): Promise<Map<string, PlayerRating>> {
    this.requireActive();
    return this.db.read((sql) => ratingsOf(sql, guids, this.params));
  }

  /** The learnt advantage of the team attacking second, as a pseudo-player (mu in skill points). */
  async secondAttackAdvantage(): Promise<PlayerRating> {
    this.requireActive();
    return this.db.read((sql) => secondAttackAdvantage(sql, this.params));
  }

  /** The fairest split of these players (at most 12) with team 1's predicted win probability. */
  async balance<P extends { guid: string }>(players: readonly P[]): Promise<BalancedTeams<P & BalancePlayer>> {
    const ratings = await this.ratings(players.map((p) => p.guid));
    const withSkill = players.map((p) => ({ ...p, mu: ratings.get(p.guid)!.mu, sigma: ratings.get(p.guid)!.sigma }));
    return balanceTeams(withSkill, this.params);
  }

  private requireActive(): void {
    if (!this.active) throw new RatingUnavailableError();
  }

  private schedule(delayMs: number): void {
    if (!this.active) return;
    this.pending = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.enqueuePending();
    }, delayMs);
    this.timer.unref();
  }

  private enqueuePending(): void {
    const full = this.pendingFull;
    this.pending = false;
    this.pendingFull = false;
    this.sync(full).then(
      (result) => {
        if (result.mode !== 'none') this.options.logger?.info({ ...result }, `rating: ${result.mode} update of ${result.maps} maps`);
      },
      (err: unknown) => {
        this.lastError = err;
        // The stored rating may be behind: the next run starts from scratch.
        this.pendingFull = true;
        this.options.logger?.error({ err }, 'rating: update failed');
      },
    );
  }
}
