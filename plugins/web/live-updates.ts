import type { ServerResponse } from 'node:http';

/**
 * Server-sent events to the open pages. A bulk import raises many `round.imported` at once, so
 * news waits a moment and goes out once.
 */
export class LiveUpdates {
  private readonly clients = new Set<ServerResponse>();
  private pending: NodeJS.Timeout | undefined;
  private rounds: number[] = [];

  constructor(private readonly delayMs = 250) {}

  get size(): number {
    return this.clients.size;
  }

  add(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    // Tells EventSource to retry after 2 s when the bot restarts or the plugin is re-enabled.
    res.write('retry: 2000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  roundImported(roundId: number): void {
    this.rounds.push(roundId);
    this.pending ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Stored rows changed without a new round (GUIDs merged or set apart): open pages refresh all the same. */
  dataChanged(): void {
    this.pending ??= setTimeout(() => this.flush(), this.delayMs);
  }

  private flush(): void {
    this.pending = undefined;
    const data = JSON.stringify({ rounds: this.rounds });
    this.rounds = [];
    for (const res of this.clients) res.write(`event: rounds\ndata: ${data}\n\n`);
  }

  close(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
