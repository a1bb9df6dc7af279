import fs from 'node:fs';
import path from 'node:path';
import type { Truth } from '../parsing/generator/truth';
import { FIXTURES_DIR } from './test-bot';

export type { Truth, TruthPlayer, TruthRound, TruthSession } from '../parsing/generator/truth';

/**
 * What the generator's own simulation says the shipped fixtures contain (fixtures/truth.json):
 * every player's totals, every round and session, computed without parsing the files.
 */
export function loadFixtureTruth(): Truth {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'truth.json'), 'utf8')) as Truth;
}
