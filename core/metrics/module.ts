import type { CoreModule, ModuleContext } from '../app/module';
import { CoreServices, HostServices } from '../app/tokens';
import type { QueryCache } from '../cache/query-cache';
import { CacheServices } from '../cache/tokens';
import type { CollectorManager } from '../collectors/collector-manager';
import { CollectorServices } from '../collectors/tokens';
import type { CommandRunner } from '../commands/runner';
import type { EventBus } from '../events/event-bus';
import type { Disposable } from '../plugin-api/disposable';
import type { Clock } from '../scheduler/clock';
import { MetricsServer } from './metrics-server';
import { OpsMetrics } from './ops-metrics';
import { buildPrometheusRegistry } from './prometheus';
import { MetricsServices } from './tokens';

/**
 * The `metrics` core slice: counts imports, rejects, commands, errors and reply latency for the
 * hourly metrics log and `!status`, and serves them to Prometheus on 127.0.0.1:`metrics.port` when
 * that is set (only while the bot runs: `etbot start`).
 */
export function metricsModule(): CoreModule {
  let metrics: OpsMetrics | undefined;
  let server: MetricsServer | undefined;
  const subscriptions: Disposable[] = [];
  let disposeRegistry: (() => void) | undefined;
  return {
    name: 'metrics',
    register(ctx: ModuleContext) {
      const clock = ctx.container.resolve<Clock>(CoreServices.Clock.id);
      metrics = new OpsMetrics(() => clock.now());
      ctx.container.register(MetricsServices.Metrics.id, { useValue: metrics });
    },
    async start(ctx: ModuleContext) {
      const { container, config, logger } = ctx;
      const m = metrics!;
      const events = container.resolve<EventBus>(HostServices.Events.id);
      subscriptions.push(events.on('round.imported', () => m.recordImport(), 'metrics'));
      subscriptions.push(events.on('file.rejected', () => m.recordReject(), 'metrics'));
      subscriptions.push(events.on('file.duplicate', () => m.recordDuplicate(), 'metrics'));
      subscriptions.push(container.resolve<CommandRunner>(HostServices.CommandRunner.id).onExecuted((r) => m.recordCommand(r)));
      const port = config.metrics.port;
      if (port === undefined || (ctx.mode !== 'start' && ctx.mode !== 'test')) return;
      const collectors = container.isRegistered(CollectorServices.Manager.id, true)
        ? container.resolve<CollectorManager>(CollectorServices.Manager.id)
        : undefined;
      const cache = container.isRegistered(CacheServices.QueryCache.id, true) ? container.resolve<QueryCache>(CacheServices.QueryCache.id) : undefined;
      const built = buildPrometheusRegistry({ metrics: m, collectors: collectors && (() => collectors.status()), cache: cache && (() => cache.stats()) });
      disposeRegistry = built.dispose;
      server = new MetricsServer(built.registry);
      const bound = await server.listen(port);
      logger.info({ port: bound }, `metrics: Prometheus endpoint on http://127.0.0.1:${bound}/metrics`);
    },
    async stop() {
      for (const s of subscriptions.splice(0)) await s.dispose();
      disposeRegistry?.();
      disposeRegistry = undefined;
      await server?.close();
      server = undefined;
    },
  };
}
