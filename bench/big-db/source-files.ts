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
    const taken = withRegulars(files, chunk).slice(0, left);
    left -= taken.length;
    yield taken;
    startDate = addDays(files[files.length - 1]!.name.slice(0, 10), 2);
  }
}

/** Every file of `roundFileChunks` at once (small sizes: tests). */
export function allRoundFiles(options: SourceOptions): GeneratedFile[] {
  return [...roundFileChunks(options)].flat();
}

/**
 * Every chunk's players are new people except its regulars: the two first GUIDs (in sort order)
 * of every chunk are the same two players, and the next two are two others in every other chunk.
 * So a few players have rows all through the database, as long-standing regulars of a community
 * do, and `!stats` on them reads a share of the whole history (tens of thousands of rounds).
 */
function withRegulars(files: GeneratedFile[], chunk: number): GeneratedFile[] {
  const guids = new Set<string>();
  for (const f of files) for (const m of f.content.matchAll(PLAYER_GUID)) guids.add(m[1]!);
  const sorted = [...guids].sort();
  const regulars = chunk % 2 === 0 ? REGULARS : REGULARS.slice(0, 2);
  const mapping = new Map(sorted.slice(0, regulars.length).map((g, i) => [g, regulars[i]!]));
  return files.map((f) => ({ name: f.name, content: f.content.replace(PLAYER_GUID, (line, g: string) => (mapping.has(g) ? `${mapping.get(g)}\\` : line)) }));
}

/** A human player line starts with 8 upper-case hex digits and a backslash (bots: OMNIBOT0). */
const PLAYER_GUID = /^([0-9A-F]{8})\\/gm;
const REGULARS = ['0FEED001', '0FEED002', '0FEED003', '0FEED004'];

function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
