import type { ExecutionRecord } from '../commands/runner';
import { percentile } from './percentiles';

export interface MetricsCounts {
  imports: number;
  rejects: number;
  duplicates: number;
  commands: number;
  /** Commands that failed with an error, plus job failures reported through `recordError`. */
  errors: number;
  /** Reply latency of the commands that answered (ms, nearest rank). */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

export interface MetricsSnapshot {
  /** Since the process started. */
  total: MetricsCounts;
  /** Since the last `takeWindow()` (the hourly metrics log). */
  window: MetricsCounts & { since: string };
}

/** Latency samples kept per window; enough for stable percentiles, bounded memory. */
const MAX_SAMPLES = 10_000;

class Tally {
  imports = 0;
  rejects = 0;
  duplicates = 0;
  commands = 0;
  errors = 0;
  latencies: number[] = [];

  counts(): MetricsCounts {
    return {
      imports: this.imports,
      rejects: this.rejects,
      duplicates: this.duplicates,
      commands: this.commands,
      errors: this.errors,
      latencyP50Ms: percentile(this.latencies, 50),
      latencyP95Ms: percentile(this.latencies, 95),
    };
  }

  addLatency(ms: number): void {
    if (this.latencies.length >= MAX_SAMPLES) this.latencies.splice(0, this.latencies.length - MAX_SAMPLES + 1);
    this.latencies.push(ms);
  }
}

export type MetricsListener = (kind: 'import' | 'reject' | 'duplicate' | 'command' | 'error', record?: ExecutionRecord) => void;

/**
 * Counts what the bot did: imports, rejected and duplicate files, commands, errors, and reply
 * latency. Fed by the metrics module (events and the command runner); read by the hourly metrics
 * log, `!status` and the Prometheus endpoint.
 */
export class OpsMetrics {
  private total = new Tally();
  private window = new Tally();
  private windowStart: number;
  private readonly listeners = new Set<MetricsListener>();

  constructor(private readonly now: () => number = Date.now) {
    this.windowStart = now();
  }

  recordImport(): void {
    this.total.imports++;
    this.window.imports++;
    this.notify('import');
  }

  recordReject(): void {
    this.total.rejects++;
    this.window.rejects++;
    this.notify('reject');
  }

  recordDuplicate(): void {
    this.total.duplicates++;
    this.window.duplicates++;
    this.notify('duplicate');
  }

  recordError(): void {
    this.total.errors++;
    this.window.errors++;
    this.notify('error');
  }

  /** Unknown command names are not counted as commands (they are typos or other bots' prefixes). */
  recordCommand(record: ExecutionRecord): void {
    if (record.outcome === 'unknown') return;
    for (const t of [this.total, this.window]) {
      t.commands++;
      if (record.outcome === 'error') t.errors++;
      if (record.outcome === 'ok') t.addLatency(record.durationMs);
    }
    this.notify('command', record);
  }

  snapshot(): MetricsSnapshot {
    return { total: this.total.counts(), window: { ...this.window.counts(), since: new Date(this.windowStart).toISOString() } };
  }

  /** The current window's counts, then starts a new window. */
  takeWindow(): MetricsCounts & { since: string; until: string } {
    const now = this.now();
    const result = { ...this.window.counts(), since: new Date(this.windowStart).toISOString(), until: new Date(now).toISOString() };
    this.window = new Tally();
    this.windowStart = now;
    return result;
  }

  /** Lets an exporter (Prometheus) follow every count as it happens. */
  onRecord(listener: MetricsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(kind: Parameters<MetricsListener>[0], record?: ExecutionRecord): void {
    for (const l of this.listeners) l(kind, record);
  }
}
