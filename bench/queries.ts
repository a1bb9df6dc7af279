import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../core/app/app';
import type { CoreModule } from '../core/app/module';
import { cacheModule } from '../core/cache/module';
import type { QueryCache } from '../core/cache/query-cache';
import { CacheServices } from '../core/cache/tokens';
import { loadConfig } from '../core/config/load-config';
import { openDatabase, type Database } from '../core/data';
import { DataServices } from '../core/data/tokens';
import { Importer } from '../core/ingest/importer';
import { silentLogger } from '../core/logging/create-logger';
import { generateFixtures } from '../core/parsing/generator';
import type { Caller } from '../core/plugin-api/commands';
import { queriesModule } from '../core/queries/module';
import { createPostgresDatabase } from '../test/support/databases';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

/** Rounds in the benchmark database (the target scale is 100,000). */
const TARGET_ROUNDS = Number(process.env.ETBOT_BENCH_QUERY_ROUNDS ?? 100_000);
/** Files really imported (with every derivation); the rest are copies of their rows. */
const IMPORTED_FILES = Number(process.env.ETBOT_BENCH_QUERY_FILES ?? 1_000);
/** Copies of the imported rounds are played by this many groups of different GUIDs. */
const PLAYER_GROUPS = 40;
const RUNS_UNCACHED = 40;
const RUNS_CACHED = 200;
const CALLER: Caller = { id: 'bench', name: 'bench', roleIds: [], isAdmin: false };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Imports generated files, then copies their rounds (with new ids and, per copy, another group of
 * GUIDs) until the database holds TARGET_ROUNDS rounds: a community of about 16 x PLAYER_GROUPS
 * players. Copies are made in SQL so a 100,000-round database builds in a couple of minutes.
 */
export async function buildDatabase(db: Database): Promise<{ rounds: number; playerRounds: number; players: number }> {
  const sessions = Math.ceil(IMPORTED_FILES / 9);
  const files = generateFixtures({ seed: 7, sessions, era: 38, startDate: '2024-01-05' }).files.slice(0, IMPORTED_FILES);
  const importer = new Importer(db);
  for (const f of files) await importer.importContent(f.name, f.content, { source: 'bench' });

  const columns = (table: string) => db.dataSource.getMetadata(table).columns.map((c) => c.databaseName);
  await db.transaction(async (sql) => {
    const base = await sql.one<{ n: number; max: number }>('SELECT COUNT(*) AS n, MAX(id) AS max FROM rounds');
    const baseRounds = Number(base!.n);
    const roundShift = Number(base!.max);
    const fileMax = Number((await sql.one<{ m: number }>('SELECT MAX(file_id) AS m FROM rounds'))!.m);
    const copies = Math.max(0, Math.ceil(TARGET_ROUNDS / baseRounds) - 1);
    const roundCols = columns('rounds');
    const prCols = columns('player_rounds');
    const wrCols = columns('weapon_rounds');
    const playerCols = columns('players');
    const select = (cols: string[], replace: Record<string, string>) => cols.map((c) => replace[c] ?? c).join(', ');
    for (let c = 1; c <= copies; c++) {
      const group = String(c % PLAYER_GROUPS).padStart(2, '0');
      const guid = `substr(guid, 1, 6) || '${group}'`;
      await sql.run(
        `INSERT INTO rounds (${roundCols.join(', ')}) SELECT ${select(roundCols, {
          id: `id + ${c * roundShift}`,
          file_id: `file_id + ${c * fileMax}`,
          paired_round_id: 'NULL',
          match_id: 'NULL',
          session_id: 'NULL',
        })} FROM rounds WHERE id <= ${roundShift}`,
      );
      await sql.run(
        `INSERT INTO player_rounds (${prCols.join(', ')}) SELECT ${select(prCols, { round_id: `round_id + ${c * roundShift}`, guid })}
           FROM player_rounds WHERE round_id <= ${roundShift}`,
      );
      await sql.run(
        `INSERT INTO weapon_rounds (${wrCols.join(', ')}) SELECT ${select(wrCols, { round_id: `round_id + ${c * roundShift}`, guid })}
           FROM weapon_rounds WHERE round_id <= ${roundShift}`,
      );
      if (c < PLAYER_GROUPS) {
        await sql.run(
          `INSERT INTO players (${playerCols.join(', ')}) SELECT ${select(playerCols, {
            guid,
            name: `name || ' ${group}'`,
            name_lower: `name_lower || ' ${group}'`,
          })} FROM players WHERE length(guid) = 8 OR guid LIKE 'OMNIBOT0%' ON CONFLICT DO NOTHING`,
        );
      }
    }
  });
  // As autovacuum would have by then (PostgreSQL index-only scans need the visibility map).
  await db.read((sql) => sql.run(db.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'));
  return db.read(async (sql) => ({
    rounds: Number((await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM rounds'))!.n),
    playerRounds: Number((await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM player_rounds'))!.n),
    players: Number((await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM players'))!.n),
  }));
}

function databaseModule(db: Database): CoreModule {
  return {
    name: 'database',
    register(ctx) {
      ctx.container.register(DataServices.Database.id, { useValue: db });
      ctx.container.register(DataServices.DataSource.id, { useValue: db.dataSource });
    },
  };
}

async function timeRuns(runs: number, before: () => void, line: (i: number) => string, app: App): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const start = process.hrtime.bigint();
    const reply = await app.runner.runLine(line(i), { caller: CALLER, transport: 'console' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!reply || reply.isError) throw new Error(`${line(i)} failed: ${reply?.text ?? 'no reply'}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchOn(kind: string, url: string): Promise<BenchResult[]> {
  const db = await openDatabase({ url, dataDir: os.tmpdir() });
  const app = new App({
    ...loadConfig({ env: {}, overrides: { dataDir: os.tmpdir() } }),
    logger: silentLogger(),
    mode: 'test',
    modules: [databaseModule(db), cacheModule(), queriesModule()],
    pluginEntries: [
      { id: 'stats', enabled: true, options: {} },
      { id: 'leaderboards', enabled: true, options: {} },
    ],
  });
  try {
    const buildStart = Date.now();
    const size = await buildDatabase(db);
    const buildSeconds = (Date.now() - buildStart) / 1000;
    await app.start();
    const cache = app.container.resolve<QueryCache>(CacheServices.QueryCache.id);
    const coldStart = process.hrtime.bigint();
    await app.runner.runLine('!top kills', { caller: CALLER, transport: 'console' });
    const topColdStartMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
    const roundIds = await db.read(async (sql) => (await sql.all<{ id: number }>('SELECT id FROM rounds ORDER BY id')).map((r) => Number(r.id)));
    // What an import does to the read side: the cache is emptied and the all-time totals refresh
    // the GUIDs of the imported round.
    let n = 0;
    const imported = () => {
      const roundId = roundIds[(n++ * 7919) % roundIds.length]!;
      void app.events.emit('round.imported', { roundId, file: 'bench', serverId: 'default', map: 'bench', round: 1, endedAt: '', rederivedRoundIds: [] });
    };
    const guids = await db.read(async (sql) =>
      (await sql.all<{ guid: string }>('SELECT guid FROM players WHERE length(guid) = 8 ORDER BY guid')).map((r) => r.guid),
    );
    const stats = (i: number) => `!stats ${guids[(i * 7) % guids.length]}`;
    const boards = ['kills', 'kd', 'dpm', 'accuracy', 'time', 'revives'];
    const top = (i: number) => `!top ${boards[i % boards.length]}`;
    const invalidate = () => cache.invalidate();
    const none = () => undefined;
    await timeRuns(3, invalidate, stats, app); // warm-up (prepared plans, page cache)
    const statsCold = await timeRuns(RUNS_UNCACHED, invalidate, stats, app);
    const topCold = await timeRuns(RUNS_UNCACHED, imported, top, app);
    await app.runner.runLine('!top kills', { caller: CALLER, transport: 'console' });
    const topUncached = await timeRuns(RUNS_UNCACHED, invalidate, top, app);
    const topWindow = await timeRuns(5, invalidate, (i) => `!top ${boards[i % boards.length]} 2024-02`, app);
    await timeRuns(guids.length, none, (i) => `!stats ${guids[i]}`, app);
    const statsWarm = await timeRuns(RUNS_CACHED, none, stats, app);
    for (const b of boards) await app.runner.runLine(`!top ${b}`, { caller: CALLER, transport: 'console' });
    const topWarm = await timeRuns(RUNS_CACHED, none, top, app);
    const scale = `${kind}, ${size.rounds} rounds, ${size.playerRounds} player rows, ${size.players} players`;
    return [
      { name: `queries: built the ${kind} database (${IMPORTED_FILES} imported files, rest copied)`, value: round2(buildSeconds), unit: 's' },
      { name: `queries: !stats uncached p50 (${scale})`, value: round2(statsCold.p50), unit: 'ms' },
      { name: `queries: !stats uncached p95 (${scale})`, value: round2(statsCold.p95), unit: 'ms', target: 20 },
      { name: `queries: !top uncached, right after an import, p50 (${scale})`, value: round2(topCold.p50), unit: 'ms' },
      { name: `queries: !top uncached, right after an import, p95 (${scale})`, value: round2(topCold.p95), unit: 'ms', target: 50 },
      { name: `queries: !top uncached (query cache emptied, all-time totals fresh) p95 (${kind})`, value: round2(topUncached.p95), unit: 'ms', target: 50 },
      { name: `queries: first !top after start (builds the all-time totals) (${kind})`, value: round2(topColdStartMs), unit: 'ms' },
      { name: `queries: !top over one month (2024-02), uncached, p50 (${kind})`, value: round2(topWindow.p50), unit: 'ms' },
      { name: `queries: !stats cached p95 (${kind})`, value: round2(statsWarm.p95), unit: 'ms', target: 1 },
      { name: `queries: !top cached p95 (${kind})`, value: round2(topWarm.p95), unit: 'ms', target: 1 },
    ];
  } finally {
    await app.stop();
    await db.close();
  }
}

/**
 * `!stats` and `!top` reply times, cached and uncached, on SQLite and PostgreSQL (DATABASE_URL or
 * embedded). ETBOT_BENCH_QUERY_ROUNDS (default 100,000), ETBOT_BENCH_SQLITE=0 / ETBOT_BENCH_POSTGRES=0 skip one.
 */
export async function benchQueries(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  if (process.env.ETBOT_BENCH_SQLITE !== '0') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-queries-'));
    try {
      results.push(...(await benchOn('SQLite', `sqlite:${path.join(dir, 'bench.sqlite')}`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (process.env.ETBOT_BENCH_POSTGRES !== '0') {
    const database = await createPostgresDatabase('etbot_bench_queries');
    try {
      results.push(...(await benchOn('PostgreSQL', database.url)));
    } finally {
      await database.drop();
    }
  }
  return results;
}

if (require.main === module) {
  benchQueries()
    .then((results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target ${r.target})` : ''}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
