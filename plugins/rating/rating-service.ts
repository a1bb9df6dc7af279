import type {
  EventMap,
  Logger,
  PlayerRatingSummary,
  PluginStorage,
  RatingLeaderboard,
  RatingLeaderboardOptions,
  RatingLeaderboardRow,
  SkillRating,
} from 'etbot/plugin-api';
import type { MatchSource } from './data/match-source';
import { leaderboard, playerSummary, rankOf, ratingsOf, secondAttackAdvantage, type PlayerDirectory } from './data/rating-queries';
import { loadCalibrationSamples } from './data/rating-store';
import { calibrationAfter, type Calibration } from './model/calibration';
import type { PlayerRating } from './model/ledger';
import { forecastSplit, splitChance, type SplitForecast } from './model/split-forecast';
import { DEFAULT_RATING_PARAMS, type RatingParams } from './model/weng-lin';
import { syncRatings, type SyncResult } from './rating-sync';

export interface RatingServiceOptions {
  params?: RatingParams;
  /** Quiet time after the last `round.imported` before the rating catches up (default 2000 ms). */
  debounceMs?: number;
  logger?: Logger;
  /** Bots on the board when a read does not say (the core bot rule's players.includeBots; default false). */
  includeBots?: boolean;
}

/** What the rating reads of the core (QueryServices.MatchResults). */
export type RatingSources = MatchSource & { players: PlayerDirectory };

/** Thrown by reads while the service is not active (before `activate`, after `deactivate`). */
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
export class RatingService implements SkillRating {
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
    private readonly sources: RatingSources,
    private readonly storage: PluginStorage,
    private readonly options: RatingServiceOptions = {},
  ) {
    this.params = options.params ?? DEFAULT_RATING_PARAMS;
    this.debounceMs = options.debounceMs ?? 2000;
  }

  /** Between `activate` and `deactivate` (reads throw RatingUnavailableError otherwise). */
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

  /**
   * GUIDs were merged or set apart: every rating is computed again from the matches, started now
   * (not after a quiet moment) so that `deactivate` waits for it: `etbot run "!merge ..."` exits
   * with the ratings recomputed.
   */
  noteIdentitiesChanged(): void {
    if (!this.active) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pendingFull = true;
    this.enqueuePending();
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
    if (this.storage.readOnly) return Promise.resolve({ mode: 'none', maps: 0, reason: 'the database is read-only' });
    const run = this.queue.catch(() => undefined).then(() => syncRatings(this.sources, this.storage, this.params, touched, full));
    this.queue = run;
    return run;
  }

  async leaderboard(options: RatingLeaderboardOptions = {}): Promise<RatingLeaderboard> {
    this.requireActive();
    return leaderboard(this.storage, this.names, this.withBotDefault(options));
  }

  /** A player's row on the board (for "your rank"), or null when not ranked. */
  async rankOf(guid: string, options: Omit<RatingLeaderboardOptions, 'offset' | 'limit'> = {}): Promise<RatingLeaderboardRow | null> {
    this.requireActive();
    return rankOf(this.storage, this.names, guid, this.withBotDefault(options));
  }

  private withBotDefault<T extends { includeBots?: boolean }>(options: T): T {
    return { ...options, includeBots: options.includeBots ?? this.options.includeBots ?? false };
  }

  async player(guid: string): Promise<PlayerRatingSummary> {
    this.requireActive();
    return playerSummary(this.storage, this.names, guid, this.params);
  }

  /** Current ratings (the starting rating for players never rated). */
  async ratings(guids: readonly string[]): Promise<Map<string, PlayerRating>> {
    this.requireActive();
    return this.storage.read((sql) => ratingsOf(sql, guids, this.params));
  }

  /** The learnt advantage of the team attacking second, as a pseudo-player (mu in skill points). */
  async secondAttackAdvantage(): Promise<PlayerRating> {
    this.requireActive();
    return this.storage.read((sql) => secondAttackAdvantage(sql, this.params));
  }

  /** The calibration the next map would be forecast with (fitted on every rated map so far). */
  async calibration(): Promise<Calibration> {
    this.requireActive();
    return calibrationAfter(await this.storage.read(loadCalibrationSamples));
  }

  /** The fairest split of these players (at most 12), with team 1's calibrated chance and what it balanced by. */
  async balance<P extends { guid: string }>(players: readonly P[]): Promise<SplitForecast<P & PlayerRating>> {
    const ratings = await this.ratings(players.map((p) => p.guid));
    return forecastSplit(
      players.map((p) => ({ ...p, ...ratings.get(p.guid)! })),
      await this.calibration(),
      this.params,
    );
  }

  /** Calibrated chance that `team1` beats `team2` in a map (every player counted whole; either side attacking first). */
  async winProbability(team1: readonly string[], team2: readonly string[]): Promise<number> {
    const ratings = await this.ratings([...team1, ...team2]);
    const calibration = await this.calibration();
    return splitChance(
      calibration,
      team1.map((g) => ratings.get(g)!),
      team2.map((g) => ratings.get(g)!),
      this.params,
    ).chance;
  }

  private readonly names: PlayerDirectory = (guids) => this.sources.players(guids);

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
