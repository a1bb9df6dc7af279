import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Latency {
  p50: number;
  p95: number;
  samples: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Runs `work` `warmup` times unmeasured, then `runs` times; `before` (not timed) runs before each. */
export async function measure(runs: number, work: (i: number) => Promise<void>, options: { warmup?: number; before?: () => void } = {}): Promise<Latency> {
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    options.before?.();
    await work(i);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    options.before?.();
    const start = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), samples: runs };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The longest the event loop was blocked while `work` ran, ms (what any other command waited at worst). */
export async function longestBlockMs(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
  }
  return histogram.max / 1e6;
}
