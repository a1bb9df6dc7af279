import os from 'node:os';
import { App } from '../core/app/app';
import { cacheModule } from '../core/cache/module';
import type { QueryCache } from '../core/cache/query-cache';
import { CacheServices } from '../core/cache/tokens';
import { loadConfig } from '../core/config/load-config';
import { databaseModule } from '../core/data/module';
import type { Database } from '../core/data/database';
import { DataServices } from '../core/data/tokens';
import { num } from '../core/data/sql';
import { silentLogger } from '../core/logging/create-logger';
import { queriesModule } from '../core/queries/module';
import { BENCH_CALLER } from './lib/command-app';
import { round, type Figure } from './lib/figures';
import { measure, type Latency } from './lib/timing';

/**
 * `!awards <session>` and `!records` (overall, a stat, a map) on a big database, uncached (the
 * query cache emptied before every sample; these commands do not use it). The record book is
 * built first (its build time is a figure of its own); the replies read the records plugin's tables.
 */
export async function benchAwardsRecords(o: { kind: string; url: string; size: string; runs: number }): Promise<Figure[]> {
  const { config, secrets } = loadConfig({ env: {}, overrides: { dataDir: os.tmpdir(), database: { url: o.url } } });
  const app = new App({
    config,
    secrets,
    logger: silentLogger(),
    mode: 'test',
    modules: [databaseModule(), cacheModule(), queriesModule()],
    pluginEntries: ['awards', 'records'].map((id) => ({ id, enabled: true, options: {} })),
  });
  const at = `${o.kind}, ${o.size} rounds`;
  const figures: Figure[] = [];
  const startedAt = Date.now();
  await app.start();
  try {
    const cache = app.container.resolve<QueryCache>(CacheServices.QueryCache.id);
    const db = app.container.resolve<Database>(DataServices.Database.id);
    const { sessions, maps } = await db.read(async (sql) => ({
      sessions: num((await sql.one('SELECT COUNT(*) AS n FROM gaming_sessions'))!.n),
      maps: (await sql.all('SELECT DISTINCT map FROM rounds ORDER BY map')).map((r) => String(r.map)),
    }));
    const run = async (line: string) => {
      const reply = await app.runner.runLine(line, { caller: BENCH_CALLER, transport: 'discord' });
      if (!reply || reply.isError) throw new Error(`${line} failed: ${reply?.text ?? 'not a command'}`);
    };
    await run('!records'); // waits for the record book's build (or its check, when it is up to date)
    figures.push({
      name: `record book built or checked at start (${at})`,
      value: round((Date.now() - startedAt) / 1000, 1),
      unit: 's',
      note: 'one-off: the book is kept in the plugin tables',
    });
    const push = (label: string, l: Latency) =>
      figures.push({
        name: `${label} p95 (${at})`,
        value: round(l.p95),
        unit: 'ms',
        target: { op: '<=', value: 20 },
        note: `p50 ${round(l.p50)} ms, ${l.samples} samples, uncached`,
      });
    const uncached = (line: (i: number) => string) => measure(o.runs, (i) => run(line(i)), { before: () => cache.invalidate() });
    push('!awards <session>', await uncached((i) => `!awards ${1 + ((i * 7919) % sessions)}`));
    push('!records', await uncached(() => '!records'));
    push('!records <stat>', await uncached((i) => `!records ${['kills', 'dpm', 'spree', 'revives'][i % 4]}`));
    push('!records <map>', await uncached((i) => `!records ${maps[i % maps.length]}`));
  } finally {
    await app.stop();
  }
  return figures;
}
