import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Era } from '../types';
import { generateFixtures, type GenerateResult } from './generate';

/** Writes every generated file plus truth.json ({ players, rounds, sessions }) into outDir. */
export async function writeFixtures(outDir: string, result: GenerateResult): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const f of result.files) await writeFile(join(outDir, f.name), f.content);
  const { players, rounds, sessions } = result.truth;
  await writeFile(join(outDir, 'truth.json'), `${JSON.stringify({ players, rounds, sessions }, null, 2)}\n`);
}

export interface FixturesGenerateOptions {
  out: string;
  seed: number;
  sessions?: number;
  era?: Era;
  startDate?: string;
  timezone?: string;
}

/** `etbot fixtures generate --out DIR --seed N [--sessions K] [--era 33|36|37|38]`. */
export async function runFixturesGenerate(options: FixturesGenerateOptions): Promise<{ files: number; out: string }> {
  const sessions = options.sessions ?? 2;
  if (!Number.isInteger(options.seed)) throw new Error(`--seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(sessions) || sessions < 1 || sessions > 1000) throw new Error(`--sessions must be an integer from 1 to 1000, got ${sessions}`);
  if (options.era !== undefined && ![33, 36, 37, 38].includes(options.era)) throw new Error(`--era must be 33, 36, 37 or 38, got ${options.era}`);
  const result = generateFixtures({
    seed: options.seed,
    sessions,
    ...(options.era !== undefined ? { era: options.era } : {}),
    ...(options.startDate !== undefined ? { startDate: options.startDate } : {}),
    ...(options.timezone !== undefined ? { timezone: options.timezone } : {}),
  });
  await writeFixtures(options.out, result);
  return { files: result.files.length, out: options.out };
}
