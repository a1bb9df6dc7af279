import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStatsFile } from '../core/parsing';
import { generateFixtures } from '../core/parsing/generator';

export interface ParseBenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const REAL_DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';
const WARMUP_RUNS = 3;
const RUNS = 9;

interface Corpus {
  label: string;
  files: { name: string; content: Buffer }[];
  bytes: number;
}

function realCorpus(): Corpus | null {
  if (!existsSync(REAL_DIR)) return null;
  const files = readdirSync(REAL_DIR)
    .filter((n) => n.endsWith('.txt'))
    .map((name) => ({ name, content: readFileSync(join(REAL_DIR, name)) }));
  return { label: `${files.length} real files`, files, bytes: files.reduce((s, f) => s + f.content.length, 0) };
}

function generatedCorpus(): Corpus {
  const files = generateFixtures({ seed: 1, sessions: 12 }).files.map((f) => ({ name: f.name, content: Buffer.from(f.content) }));
  return { label: `${files.length} generated files`, files, bytes: files.reduce((s, f) => s + f.content.length, 0) };
}

/** Median seconds of one pass over the corpus (each run repeats passes so it lasts ~50 ms or more). */
function medianPassSeconds(corpus: Corpus): number {
  const pass = (): void => {
    for (const f of corpus.files) {
      const r = parseStatsFile(f.name, f.content);
      if (!r.ok) throw new Error(`${f.name}: ${r.reason}`);
    }
  };
  let repeats = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < repeats; i++) pass();
    if (Number(process.hrtime.bigint() - start) > 50e6) break;
    repeats *= 2;
  }
  for (let i = 0; i < WARMUP_RUNS; i++) for (let j = 0; j < repeats; j++) pass();
  const perPass: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < repeats; j++) pass();
    perPass.push(Number(process.hrtime.bigint() - start) / 1e9 / repeats);
  }
  perPass.sort((a, b) => a - b);
  return perPass[Math.floor(perPass.length / 2)]!;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Parser speed: µs per file and MB/s over the real files (generated ones when shared/ is absent). */
export async function benchParse(): Promise<ParseBenchResult[]> {
  const corpus = realCorpus() ?? generatedCorpus();
  const seconds = medianPassSeconds(corpus);
  return [
    {
      name: `parse: µs per file (${corpus.label}, median of ${RUNS})`,
      value: round2((seconds / corpus.files.length) * 1e6),
      unit: 'µs/file',
      target: '<= 50',
    },
    { name: `parse: throughput (${corpus.label})`, value: round2(corpus.bytes / 1e6 / seconds), unit: 'MB/s' },
  ];
}

if (require.main === module) {
  benchParse().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
