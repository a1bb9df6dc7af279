/**
 * Runs jobs one at a time in arrival order, skipping a key already waiting. `drain()` lets the
 * in-flight job finish and drops the rest (a collector picks those up again on its next start).
 */
export class ImportQueue {
  private readonly waiting = new Map<string, () => Promise<void>>();
  private running: Promise<void> | null = null;
  private runningKey: string | null = null;
  private closed = false;

  get depth(): number {
    return this.waiting.size + (this.running ? 1 : 0);
  }

  has(key: string): boolean {
    return this.waiting.has(key) || this.runningKey === key;
  }

  push(key: string, job: () => Promise<void>): void {
    if (this.closed || this.waiting.has(key)) return;
    this.waiting.set(key, job);
    if (!this.running) this.running = this.loop();
  }

  /** Resolves once everything queued so far has run. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async drain(): Promise<void> {
    this.closed = true;
    this.waiting.clear();
    await this.idle();
  }

  reopen(): void {
    this.closed = false;
  }

  private async loop(): Promise<void> {
    try {
      for (let next = this.take(); next; next = this.take()) {
        this.runningKey = next[0];
        // Jobs report their own failures; a throw here must not stop the queue.
        await next[1]().catch(() => undefined);
      }
    } finally {
      this.runningKey = null;
      this.running = null;
    }
  }

  private take(): [string, () => Promise<void>] | undefined {
    const first = this.waiting.entries().next();
    if (first.done) return undefined;
    this.waiting.delete(first.value[0]);
    return first.value;
  }
}
