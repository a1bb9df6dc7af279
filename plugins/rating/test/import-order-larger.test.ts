import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { generateFixtures } from '../../core/parsing/generator';
import { classifyFileName } from '../../core/parsing';
import { forEachDatabase } from '../support/databases';
import { openRatingDatabase, ratedImporter, shuffled, storedRatings } from './support';

const REAL_DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';

/** Imports `names` in this order, rating after every file; returns what the rating stored. */
async function rateInOrder(handle: Parameters<Parameters<typeof forEachDatabase>[1]>[0], names: string[], read: (name: string) => Buffer | string) {
  const db = await openRatingDatabase(handle);
  const { rating, importAndSettle } = await ratedImporter(db, read);
  for (const name of names) await importAndSettle(name);
  const stored = await storedRatings(db);
  await rating.deactivate();
  return stored;
}

forEachDatabase('rating: import order, larger data', (handle) => {
  it('generated evenings (seed 5, 5 sessions): name order, reversed and shuffled store the same ratings', async () => {
    const files = new Map(generateFixtures({ seed: 5, sessions: 5 }).files.map((f) => [f.name, f.content]));
    const names = [...files.keys()].sort();
    const read = (name: string) => files.get(name)!;
    const reference = await rateInOrder(handle, names, read);
    expect(reference.maps.length).to.be.greaterThan(15);
    expect(await rateInOrder(handle, [...names].reverse(), read)).to.deep.equal(reference);
    expect(await rateInOrder(handle, shuffled(names, 3), read)).to.deep.equal(reference);
  });

  it('real files: name order and shuffled store the same ratings', async function () {
    if (!fs.existsSync(REAL_DIR)) {
      console.log(`      (skipped: ${REAL_DIR} not found)`);
      this.skip();
    }
    const names = fs
      .readdirSync(REAL_DIR)
      .filter((n) => classifyFileName(n) === 'round')
      .sort();
    const read = (name: string) => fs.readFileSync(path.join(REAL_DIR, name));
    const reference = await rateInOrder(handle, names, read);
    expect(reference.maps.length).to.be.greaterThan(50);
    expect(await rateInOrder(handle, shuffled(names, 11), read)).to.deep.equal(reference);
  });
});
