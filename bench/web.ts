import net from 'node:net';
import os from 'node:os';
import { App } from '../core/app/app';
import { cacheModule } from '../core/cache/module';
import type { QueryCache } from '../core/cache/query-cache';
import { CacheServices } from '../core/cache/tokens';
import { loadConfig } from '../core/config/load-config';
import { openDatabase } from '../core/data';
import { databaseModule } from '../core/data/module';
import { silentLogger } from '../core/logging/create-logger';
import { queriesModule } from '../core/queries/module';
import { round, type Figure } from './lib/figures';
import { measure, type Latency } from './lib/timing';

export interface WebBenchOptions {
  /** 'SQLite' or 'PostgreSQL'. */
  kind: string;
  url: string;
  size: string;
  runs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Human players spread over the GUID range, as the command figures pick them. */
async function samplePlayers(url: string, count: number): Promise<string[]> {
  const db = await openDatabase({ url, dataDir: os.tmpdir(), migrate: false });
  try {
    const rows = await db.read((sql) => sql.all('SELECT guid FROM players WHERE is_bot = ? ORDER BY guid', [false]));
    const all = rows.map((r) => String(r.guid));
    const step = Math.max(1, Math.floor(all.length / count));
    return all.filter((_, i) => i % step === 0).slice(0, count);
  } finally {
    await db.close();
  }
}

/**
 * The web plugin over HTTP on 127.0.0.1 on a big database: a player profile and a leaderboard
 * page from the JSON API, and the home page's HTML. Uncached: the query cache emptied before every
 * request (the in-memory all-time totals stay, as in the running bot).
 */
export async function benchWeb(o: WebBenchOptions): Promise<Figure[]> {
  const guids = await samplePlayers(o.url, 40);
  const port = await freePort();
  const { config, secrets } = loadConfig({ env: {}, overrides: { dataDir: os.tmpdir(), database: { url: o.url } } });
  const app = new App({
    config,
    secrets,
    logger: silentLogger(),
    mode: 'test',
    modules: [databaseModule(), cacheModule(), queriesModule()],
    pluginEntries: [{ id: 'web', enabled: true, options: { port, rateLimitPerMinute: 1_000_000 } }],
  });
  await app.start();
  const cache = app.container.resolve<QueryCache>(CacheServices.QueryCache.id);
  const base = `http://127.0.0.1:${port}`;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const at = `${o.kind}, ${o.size} rounds`;
  const figures: Figure[] = [];
  const push = (label: string, l: Latency, target?: number) =>
    figures.push({
      name: `web: ${label} p95 (${at})`,
      value: round(l.p95),
      unit: 'ms',
      target: target === undefined ? undefined : { op: '<=', value: target },
      note: `p50 ${round(l.p50)} ms, ${l.samples} samples, HTTP on 127.0.0.1`,
    });
  try {
    // The first board builds the all-time totals the bot keeps in memory.
    await get('/api/v1/leaderboards/kills');
    const uncached = (path: (i: number) => string) => measure(o.runs, (i) => get(path(i)), { before: () => cache.invalidate() });
    push('GET /api/v1/players/:guid uncached', await uncached((i) => `/api/v1/players/${encodeURIComponent(guids[(i * 7) % guids.length]!)}`), 10);
    push('GET /api/v1/leaderboards/kills?page=2 uncached', await uncached(() => '/api/v1/leaderboards/kills?page=2'), 10);
    push('GET /api/v1/leaderboards/kd?page=2 uncached', await uncached(() => '/api/v1/leaderboards/kd?page=2'), 10);
    push('GET / (home page HTML) uncached', await uncached(() => '/'), 50);
    push('GET / (home page HTML) cached', await measure(o.runs, () => get('/')), 50);
    push('GET /players/:guid (player page HTML) uncached', await uncached((i) => `/players/${encodeURIComponent(guids[(i * 7) % guids.length]!)}`));
    push(
      'GET /api/v1/players/:guid/history (the page chart) uncached',
      await uncached((i) => `/api/v1/players/${encodeURIComponent(guids[(i * 7) % guids.length]!)}/history`),
    );
  } finally {
    await app.stop();
  }
  return figures;
}
