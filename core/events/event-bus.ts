import type { Disposable } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';
import type { EventHandler, EventMap, EventName } from '../plugin-api/events';
import type { Logger } from '../logging/logger';

interface Subscription {
  owner: string;
  handler: EventHandler<EventName>;
}

/**
 * Typed publish/subscribe. A handler that throws is logged with its owner and does not stop the
 * other handlers; `emit` resolves when every handler has finished.
 */
export class EventBus {
  private readonly handlers = new Map<EventName, Set<Subscription>>();

  constructor(private readonly logger: Logger) {}

  on<E extends EventName>(event: E, handler: EventHandler<E>, owner = 'core'): Disposable {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    const subscription: Subscription = { owner, handler: handler as EventHandler<EventName> };
    set.add(subscription);
    return toDisposable(() => {
      set!.delete(subscription);
    });
  }

  async emit<E extends EventName>(event: E, payload: EventMap[E]): Promise<void> {
    const set = this.handlers.get(event);
    if (!set || set.size === 0) return;
    await Promise.all(
      [...set].map(async (subscription) => {
        try {
          await subscription.handler(payload);
        } catch (err) {
          this.logger.error({ err, event, owner: subscription.owner }, `handler of ${event} in ${subscription.owner} failed`);
        }
      }),
    );
  }

  listenerCount(event: EventName): number {
    return this.handlers.get(event)?.size ?? 0;
  }

  /** Number of handlers registered by one owner, across all events (for tests and diagnostics). */
  countOwnedBy(owner: string): number {
    let n = 0;
    for (const set of this.handlers.values()) for (const s of set) if (s.owner === owner) n++;
    return n;
  }
}
