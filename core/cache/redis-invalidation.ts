import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { Logger } from '../logging/logger';
import type { QueryCache } from './query-cache';

/** The channel of one namespace (config cache.redisNamespace). */
export function invalidationChannel(namespace: string): string {
  return `${namespace}:cache:invalidate`;
}

/**
 * Keeps the in-process caches of several etbot instances coherent: every local invalidation (a
 * round imported here, a link changed here) is published on a Redis channel, and a message from
 * another instance empties this one's cache. Answers stay in process (they are not JSON-safe and
 * a local hit is far faster than a Redis round trip); only the news travels.
 * While Redis is unreachable each instance keeps working with its own cache (ioredis reconnects
 * and re-subscribes by itself); its TTL bounds how stale another instance's answers can get.
 */
export class RedisInvalidation {
  private readonly id = randomUUID();
  private stopListening: (() => void) | null = null;
  private connectedLogged = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
    private readonly channel: string,
  ) {}

  static async connect(url: string, cache: QueryCache, logger: Logger, namespace = 'etbot'): Promise<RedisInvalidation> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5000 } as const;
    const bus = new RedisInvalidation(new Redis(url, options), new Redis(url, options), logger, invalidationChannel(namespace));
    for (const client of [bus.publisher, bus.subscriber]) {
      // ioredis reports each failed reconnect; the URL (and its password) is not in the message.
      client.on('error', (err: Error) => logger.warn(`cache: Redis unavailable (${err.message}); using this instance's cache alone until it is back`));
    }
    bus.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== bus.channel || message === bus.id) return;
      cache.invalidateFromPeer();
    });
    bus.subscriber.on('ready', () => {
      if (!bus.connectedLogged) logger.info('cache: sharing invalidations with other instances through Redis');
      bus.connectedLogged = true;
    });
    bus.stopListening = cache.onInvalidate(() => {
      bus.publisher
        .publish(bus.channel, bus.id)
        .catch((err: Error) => logger.warn(`cache: could not tell other instances about an invalidation (${err.message})`));
    });
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
      await bus.subscriber.subscribe(bus.channel);
    } catch (err) {
      logger.error(`cache: Redis unreachable at start (${(err as Error).message}); retrying in the background`);
      bus.subscriber.once('ready', () => void bus.subscriber.subscribe(bus.channel).catch(() => undefined));
    }
    return bus;
  }

  async close(): Promise<void> {
    this.stopListening?.();
    this.stopListening = null;
    await Promise.all([this.publisher, this.subscriber].map((c) => c.quit().catch(() => c.disconnect())));
  }
}
