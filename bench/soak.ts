/**
 * Soak (not part of CI): one process imports SOAK_FILES generated files (default 10,000) into a
 * fresh SQLite database through the whole app, then answers SOAK_COMMANDS commands (default
 * 10,000) through the command runner; prints RSS and heap every 1,000 steps and the growth.
 * Run: `node --expose-gc dist/bench/soak.js` (with --expose-gc the samples are taken after a GC).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../core/app/app';
import { coreModules } from '../core/app/modules';
import { loadConfig } from '../core/config/load-config';
import { DataServices } from '../core/data/tokens';
import type { Importer } from '../core/ingest/importer';
import { silentLogger } from '../core/logging/create-logger';
import { generateFixtures } from '../core/parsing/generator';

const FILES = Number(process.env.SOAK_FILES ?? 10_000);
const COMMANDS = Number(process.env.SOAK_COMMANDS ?? 10_000);
const PLUGINS = ['help', 'stats', 'leaderboards', 'rating', 'compare', 'weapons', 'maps', 'sessions', 'last-session'];

interface Sample {
  phase: string;
  step: number;
  rssMb: number;
  heapMb: number;
}

function sample(phase: string, step: number): Sample {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { phase, step, rssMb: Math.round(m.rss / 1e5) / 10, heapMb: Math.round(m.heapUsed / 1e5) / 10 };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-soak-'));
  const { config, secrets } = loadConfig({
    env: { DATABASE_URL: `sqlite:${path.join(dir, 'soak.sqlite')}` },
    cwd: dir,
    overrides: { dataDir: dir, logLevel: 'error' },
  });
  const app = new App({
    config,
    secrets,
    logger: silentLogger(),
    mode: 'test',
    modules: coreModules(),
    pluginEntries: PLUGINS.map((id) => ({ id, enabled: true, options: {} })),
  });
  await app.start();
  const samples: Sample[] = [sample('start', 0)];
  const started = Date.now();
  try {
    const generated = generateFixtures({ seed: 99, sessions: Math.ceil(FILES / 8) + 1 });
    const files = generated.files.slice(0, FILES);
    // The generated files and their truth stay in memory throughout: a baseline, not growth.
    samples.push(sample('generated', 0));
    const importer = app.container.resolve<Importer>(DataServices.Importer.id);
    const statuses: Record<string, number> = {};
    for (const [i, f] of files.entries()) {
      const outcome = await importer.importContent(f.name, f.content, { source: 'soak' });
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if ((i + 1) % 1000 === 0) samples.push(sample('import', i + 1));
    }
    console.log(`imported ${files.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s:`, statuses);
    const names = generated.truth.players.map((p) => (p as { name?: string }).name ?? '').filter(Boolean);
    const lines = (i: number): string => {
      const name = names[i % names.length] ?? 'nobody';
      return [
        `!stats ${name}`,
        '!top kills',
        '!top kd',
        `!weapons ${name}`,
        '!last_session',
        '!maps',
        `!compare "${name}" "${names[(i + 7) % names.length]}"`,
        '!help',
      ][i % 8]!;
    };
    const commandsStarted = Date.now();
    const errors: Record<string, number> = {};
    const firstError: Record<string, string> = {};
    for (let i = 0; i < COMMANDS; i++) {
      const line = lines(i);
      const reply = await app.runner.runLine(line, { caller: { id: '200000000000000001', name: 'soak', isAdmin: false }, transport: 'console' } as never);
      if (!reply || reply.isError) {
        const command = line.split(' ')[0]!;
        errors[command] = (errors[command] ?? 0) + 1;
        firstError[command] ??= `${line}: ${reply?.text ?? 'no reply'}`;
      }
      if ((i + 1) % 1000 === 0) samples.push(sample('commands', i + 1));
    }
    console.log(`answered ${COMMANDS} commands in ${((Date.now() - commandsStarted) / 1000).toFixed(0)} s `, 'error replies:', errors, firstError);
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.table(samples);
  const generatedAt = samples.find((s) => s.phase === 'generated')!;
  const afterImport = samples.filter((s) => s.phase === 'import').at(-1) ?? generatedAt;
  const end = samples.at(-1)!;
  console.log(
    `growth over the import phase: RSS ${(afterImport.rssMb - generatedAt.rssMb).toFixed(1)} MB, heap ${(afterImport.heapMb - generatedAt.heapMb).toFixed(1)} MB`,
  );
  console.log(`growth over the commands phase: RSS ${(end.rssMb - afterImport.rssMb).toFixed(1)} MB, heap ${(end.heapMb - afterImport.heapMb).toFixed(1)} MB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
