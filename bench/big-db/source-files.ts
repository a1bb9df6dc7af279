import { generateFixtures, type GeneratedFile } from '../../core/parsing/generator';

export interface SourceOptions {
  /** Round files wanted in all. */
  rounds: number;
  seed: number;
  /** Evenings simulated per generator call (each call is one community of players). */
  chunkSessions?: number;
}

const FIRST_DATE = '1990-01-05';

/**
 * The round files of a big database, in chunks of whole evenings in time order, from the fixture
 * generator's simulation. Each chunk is its own community (another seed), so the database holds
 * many players; chunks start two days after the previous one ended, so no pairing window or
 * session gap spans two chunks and each chunk can be derived on its own.
 */
export function* roundFileChunks(options: SourceOptions): Generator<GeneratedFile[]> {
  const chunkSessions = options.chunkSessions ?? 100;
  let left = options.rounds;
  let startDate = FIRST_DATE;
  for (let chunk = 0; left > 0; chunk++) {
    const files = generateFixtures({ seed: options.seed * 100_000 + chunk, sessions: chunkSessions, startDate }).files;
    if (files.length === 0) throw new Error('the fixture generator wrote no files');
    const taken = files.slice(0, left);
    left -= taken.length;
    yield taken;
    startDate = addDays(files[files.length - 1]!.name.slice(0, 10), 2);
  }
}

/** Every file of `roundFileChunks` at once (small sizes: tests). */
export function allRoundFiles(options: SourceOptions): GeneratedFile[] {
  return [...roundFileChunks(options)].flat();
}

function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
