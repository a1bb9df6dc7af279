import type { CollectorEmit } from './types';

/** Raises `collector.error` once failures in a row reach the threshold, and `collector.recovered` after. */
export class FailureTracker {
  private failures = 0;
  private raised = false;
  lastError: string | null = null;
  lastSuccessAt: string | null = null;

  constructor(
    private readonly collector: string,
    private readonly emit: CollectorEmit,
    private readonly threshold = 3,
  ) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  failure(error: string): void {
    this.failures += 1;
    this.lastError = error;
    if (!this.raised && this.failures >= this.threshold) {
      this.raised = true;
      this.emit('collector.error', { collector: this.collector, error, consecutiveFailures: this.failures });
    }
  }

  success(): void {
    this.failures = 0;
    this.lastSuccessAt = new Date().toISOString();
    if (this.raised) {
      this.raised = false;
      this.emit('collector.recovered', { collector: this.collector });
    }
  }
}
