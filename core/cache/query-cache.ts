import { LRUCache } from 'lru-cache';

export interface QueryCacheOptions {
  /** 0 turns caching off (every read goes to the loader). */
  maxEntries: number;
  /** 0 means entries never expire by age (they still go on invalidation). */
  ttlSeconds: number;
}

export interface QueryCacheStats {
  hits: number;
  misses: number;
  size: number;
  invalidations: number;
}

interface Boxed {
  value: unknown;
}

/**
 * The read cache every query goes through: an LRU with a time to live, emptied whenever a round is
 * imported. A generation number guards against a load that started before an invalidation storing
 * its (now stale) answer after it.
 */
export class QueryCache {
  private readonly lru: LRUCache<string, Boxed> | null;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private generation = 0;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;
  private readonly invalidationListeners = new Set<() => void>();
  private readonly peerListeners = new Set<() => void>();

  constructor(options: QueryCacheOptions) {
    this.lru =
      options.maxEntries > 0
        ? new LRUCache<string, Boxed>({ max: options.maxEntries, ttl: options.ttlSeconds > 0 ? options.ttlSeconds * 1000 : undefined })
        : null;
  }

  /** The cached answer for `key`, or the loader's (stored; concurrent callers share one load). */
  async wrap<T>(key: string, loader: () => Promise<T>): Promise<T> {
    const cached = this.lru?.get(key);
    if (cached) {
      this.hits++;
      return cached.value as T;
    }
    this.misses++;
    const pending = this.inflight.get(key);
    if (pending) return pending as Promise<T>;
    const generation = this.generation;
    const load: Promise<T> = (async () => loader())().then((value) => {
      if (generation === this.generation) this.lru?.set(key, { value });
      return value;
    });
    this.inflight.set(key, load);
    const forget = (): void => {
      if (this.inflight.get(key) === load) this.inflight.delete(key);
    };
    load.then(forget, forget);
    return load;
  }

  /** Forgets every answer (a round was imported, a link changed) and tells the listeners (other instances). */
  invalidate(): void {
    this.invalidateLocally();
    for (const listener of this.invalidationListeners) listener();
  }

  /** Forgets every answer without telling anyone (another instance already knows: it sent the news). */
  invalidateLocally(): void {
    this.generation++;
    this.invalidations++;
    this.inflight.clear();
    this.lru?.clear();
  }

  /**
   * Another instance invalidated (it imported a round): forget everything here too, and tell the
   * services that keep state of their own beyond this cache (all-time totals) to rebuild it.
   */
  invalidateFromPeer(): void {
    this.invalidateLocally();
    for (const listener of this.peerListeners) listener();
  }

  onPeerInvalidate(listener: () => void): () => void {
    this.peerListeners.add(listener);
    return () => this.peerListeners.delete(listener);
  }

  /** Called after every `invalidate()` (not `invalidateLocally()`); returns a function that stops it. */
  onInvalidate(listener: () => void): () => void {
    this.invalidationListeners.add(listener);
    return () => this.invalidationListeners.delete(listener);
  }

  stats(): QueryCacheStats {
    return { hits: this.hits, misses: this.misses, size: this.lru?.size ?? 0, invalidations: this.invalidations };
  }
}
