/**
 * Runs an async job so that requests made while it runs are folded into one more run after it,
 * and requests made in the same tick are folded into one run.
 */
export class SerialTask {
  private wanted = false;
  private running: Promise<void> | null = null;

  constructor(private readonly job: () => Promise<void>) {}

  request(): Promise<void> {
    this.wanted = true;
    this.running ??= this.loop();
    return this.running;
  }

  /** Resolves when no run is under way (at once when idle). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async loop(): Promise<void> {
    try {
      while (this.wanted) {
        await new Promise((resolve) => setImmediate(resolve));
        this.wanted = false;
        await this.job();
      }
    } finally {
      this.running = null;
    }
  }
}
