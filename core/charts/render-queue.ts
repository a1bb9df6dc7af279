import { LRUCache } from 'lru-cache';

export interface RenderQueueOptions {
  /** Most images kept in the cache. */
  maxEntries: number;
  /** Most bytes of PNG kept in the cache. */
  maxBytes: number;
  /** Most renders waiting at once; beyond it requests fail fast instead of piling up. */
  maxPending: number;
}

export interface RenderQueueStats {
  /** Jobs actually executed. */
  renders: number;
  /** Requests answered from the cache. */
  cacheHits: number;
  /** Requests that joined a render already queued or running for the same key. */
  shared: number;
  /** Renders waiting or running now. */
  pending: number;
}

export class RenderQueueFullError extends Error {
  constructor(limit: number) {
    super(`chart render queue is full (${limit} renders waiting); try again shortly`);
    this.name = 'RenderQueueFullError';
  }
}

/**
 * Runs CPU-bound render jobs one at a time, each on its own event-loop turn so other commands
 * get to run in between; requests with the same key share one render, and results are cached
 * until `invalidate()`.
 */
export class RenderQueue {
  private readonly cache: LRUCache<string, Buffer>;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private tail: Promise<void> = Promise.resolve();
  private generation = 0;
  private counts = { renders: 0, cacheHits: 0, shared: 0, pending: 0 };

  constructor(private readonly options: RenderQueueOptions) {
    this.cache = new LRUCache<string, Buffer>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (buf) => Math.max(1, buf.length),
    });
  }

  /** Runs `job` in turn, without caching or sharing (for requests that cannot be keyed). */
  runUncached(job: () => Buffer | Promise<Buffer>): Promise<Buffer> {
    if (this.counts.pending >= this.options.maxPending) {
      return Promise.reject(new RenderQueueFullError(this.options.maxPending));
    }
    return this.enqueue(job);
  }

  run(key: string, job: () => Buffer | Promise<Buffer>): Promise<Buffer> {
    const cached = this.cache.get(key);
    if (cached) {
      this.counts.cacheHits++;
      return Promise.resolve(cached);
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.counts.shared++;
      return running;
    }
    if (this.counts.pending >= this.options.maxPending) {
      return Promise.reject(new RenderQueueFullError(this.options.maxPending));
    }
    const generation = this.generation;
    const result = this.enqueue(job).then((png) => {
      // A render that started before invalidate() drew old data: hand it to its waiters only.
      if (generation === this.generation) this.cache.set(key, png);
      return png;
    });
    this.inFlight.set(key, result);
    const forget = () => {
      if (this.inFlight.get(key) === result) this.inFlight.delete(key);
    };
    result.then(forget, forget);
    return result;
  }

  /** Drops every cached image; renders already running finish but are not cached. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
  }

  stats(): RenderQueueStats {
    return { ...this.counts };
  }

  private enqueue(job: () => Buffer | Promise<Buffer>): Promise<Buffer> {
    this.counts.pending++;
    const run = this.tail.then(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.counts.renders++;
      return job();
    });
    const done = () => {
      this.counts.pending--;
    };
    this.tail = run.then(done, done);
    return run;
  }
}
