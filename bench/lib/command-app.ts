import os from 'node:os';
import { App } from '../../core/app/app';
import { cacheModule } from '../../core/cache/module';
import type { QueryCache } from '../../core/cache/query-cache';
import { CacheServices } from '../../core/cache/tokens';
import type { ChartService } from '../../core/charts/chart-service';
import { chartsModule } from '../../core/charts/module';
import { ChartServices } from '../../core/charts/tokens';
import { loadConfig } from '../../core/config/load-config';
import { databaseModule } from '../../core/data/module';
import { silentLogger } from '../../core/logging/create-logger';
import type { Caller } from '../../core/plugin-api/commands';
import { queriesModule } from '../../core/queries/module';

export const BENCH_CALLER: Caller = { id: '100000000000000001', name: 'bench', roleIds: [], isAdmin: false };

/** The App with the read side and the query plugins, on an existing database, run like commands are. */
export interface CommandApp {
  app: App;
  /** Runs one command line; throws when it fails or answers with an error. */
  run(line: string): Promise<void>;
  /** Empties the query cache and the chart cache (the next reply is worked out again). */
  invalidate(): void;
  stop(): Promise<void>;
}

export async function startCommandApp(url: string): Promise<CommandApp> {
  const { config, secrets } = loadConfig({ env: {}, overrides: { dataDir: os.tmpdir(), database: { url } } });
  const app = new App({
    config,
    secrets,
    logger: silentLogger(),
    mode: 'test',
    modules: [databaseModule(), cacheModule(), queriesModule(), chartsModule()],
    pluginEntries: ['stats', 'leaderboards', 'compare', 'last-session'].map((id) => ({ id, enabled: true, options: {} })),
  });
  await app.start();
  const cache = app.container.resolve<QueryCache>(CacheServices.QueryCache.id);
  const charts = app.container.resolve<ChartService>(ChartServices.Charts.id);
  return {
    app,
    async run(line) {
      const reply = await app.runner.runLine(line, { caller: BENCH_CALLER, transport: 'discord' });
      if (!reply || reply.isError) throw new Error(`${line} failed: ${reply?.text ?? 'not a command'}`);
    },
    invalidate() {
      cache.invalidate();
      charts.invalidate();
    },
    stop: () => app.stop(),
  };
}
