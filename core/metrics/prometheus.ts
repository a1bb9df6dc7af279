import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CollectorStatus } from '../collectors/types';
import type { QueryCacheStats } from '../cache/query-cache';
import type { OpsMetrics } from './ops-metrics';

export interface PrometheusSources {
  metrics: OpsMetrics;
  /** Read at each scrape; absent when the collectors or cache module is not running. */
  collectors?: () => CollectorStatus[];
  cache?: () => QueryCacheStats;
}

/**
 * A prom-client registry of its own (not the global one, so several apps in one process do not
 * clash) that follows OpsMetrics as it counts and reads gauges at each scrape.
 */
export function buildPrometheusRegistry(sources: PrometheusSources): { registry: Registry; dispose: () => void } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'etbot_' });
  const files = new Counter({
    name: 'etbot_files_total',
    help: 'Stats files handled by the importer, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const commands = new Counter({ name: 'etbot_commands_total', help: 'Commands run, by outcome', labelNames: ['outcome'] as const, registers: [registry] });
  const errors = new Counter({ name: 'etbot_errors_total', help: 'Failed commands and jobs', registers: [registry] });
  const latency = new Histogram({
    name: 'etbot_command_duration_seconds',
    help: 'Time from a command arriving to its reply',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  for (const result of ['imported', 'rejected', 'duplicate']) files.inc({ result }, 0);
  const { collectors, cache } = sources;
  if (collectors) {
    new Gauge({
      name: 'etbot_collector_queue_depth',
      help: 'Files waiting for the importer, per collector',
      labelNames: ['collector'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const c of collectors()) this.set({ collector: c.name }, c.queueDepth);
      },
    });
    new Gauge({
      name: 'etbot_collector_up',
      help: '1 when the collector is running without failures',
      labelNames: ['collector'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const c of collectors()) this.set({ collector: c.name }, c.state === 'running' ? 1 : 0);
      },
    });
  }
  if (cache) {
    new Gauge({
      name: 'etbot_cache_lookups',
      help: 'Query cache lookups since start, by result',
      labelNames: ['result'] as const,
      registers: [registry],
      collect() {
        const s = cache();
        this.set({ result: 'hit' }, s.hits);
        this.set({ result: 'miss' }, s.misses);
      },
    });
  }
  const stop = sources.metrics.onRecord((kind, record) => {
    if (kind === 'import') files.inc({ result: 'imported' });
    else if (kind === 'reject') files.inc({ result: 'rejected' });
    else if (kind === 'duplicate') files.inc({ result: 'duplicate' });
    else if (kind === 'error') errors.inc();
    else if (kind === 'command' && record) {
      commands.inc({ outcome: record.outcome });
      if (record.outcome === 'error') errors.inc();
      if (record.outcome === 'ok') latency.observe(record.durationMs / 1000);
    }
  });
  return { registry, dispose: stop };
}
