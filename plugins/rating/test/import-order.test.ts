import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { forEachDatabase } from '../support/databases';
import { FIXTURES, fixtureFiles, openRatingDatabase, ratedImporter, shuffled, storedRatings } from './support';

interface TruthRound {
  file: string;
  round: number;
  status: string;
  pairedWith: string | null;
  endedAt: string;
  score: { r1Attackers: number; r2Attackers: number } | null;
}

forEachDatabase('rating: import order', (handle) => {
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as { rounds: TruthRound[] };
  let reference: Awaited<ReturnType<typeof storedRatings>> | undefined;

  const orders: [string, () => string[]][] = [
    ['name order', () => fixtureFiles()],
    ['reversed', () => fixtureFiles().reverse()],
    ['shuffled (seed 1)', () => shuffled(fixtureFiles(), 1)],
    ['shuffled (seed 7)', () => shuffled(fixtureFiles(), 7)],
  ];

  for (const [label, order] of orders) {
    it(`imported in ${label}, rating each file as it arrives, stores the same ratings`, async () => {
      const db = await openRatingDatabase(handle);
      const { rating, importAndSettle } = await ratedImporter(db);
      for (const file of order()) await importAndSettle(file);
      const stored = await storedRatings(db);
      await rating.deactivate();

      // The maps rated are the paired R2s of truth.json with a known score, in time order:
      // the orphan R2 and the map whose R2 winner is unknown are not there.
      const expected = truth.rounds
        .filter((r) => r.round === 2 && r.status === 'valid' && r.pairedWith && r.score)
        .sort((a, b) => (a.endedAt < b.endedAt ? -1 : 1))
        .map((r) => (r.score!.r1Attackers > r.score!.r2Attackers ? 'A' : r.score!.r1Attackers < r.score!.r2Attackers ? 'B' : 'draw'));
      expect(stored.maps.map((m) => (m as { outcome: string }).outcome)).to.deep.equal(expected);
      expect(expected).to.deep.equal(['B', 'draw', 'B', 'B', 'A', 'B', 'A', 'B']);
      expect(stored.players.length).to.be.greaterThan(10);

      if (!reference) reference = stored;
      else expect(stored).to.deep.equal(reference);
    });
  }

  it('a late R1 (its R2 already rated-ready) forces a recompute that equals rating in time order', async () => {
    const db = await openRatingDatabase(handle);
    const { rating, importAndSettle } = await ratedImporter(db);
    const late = '2025-11-07-210413-etl_adlernest-round-1.txt';
    for (const file of fixtureFiles().filter((f) => f !== late)) await importAndSettle(file);
    const before = await storedRatings(db);
    expect(before.maps).to.have.length(7);
    await importAndSettle(late);
    const after = await storedRatings(db);
    await rating.deactivate();
    expect(after.maps).to.have.length(8);
    expect(after).to.deep.equal(reference);
  });

  it('new maps at the end are rated incrementally; a full rebuild gives the same numbers', async () => {
    const db = await openRatingDatabase(handle);
    const { rating, importOnly, importAndSettle } = await ratedImporter(db);
    const files = fixtureFiles();
    for (const file of files.slice(0, -1)) await importAndSettle(file);
    // The last R2 pairs with its R1: one new map after every rated one.
    await importOnly(files.at(-1)!);
    const step = await rating.sync();
    expect(step).to.deep.equal({ mode: 'incremental', maps: 1 });
    const incremental = await storedRatings(db);
    const rebuilt = await rating.sync(true);
    expect(rebuilt.mode).to.equal('full');
    expect(await storedRatings(db)).to.deep.equal(incremental);
    expect(incremental).to.deep.equal(reference);
    // Nothing new: nothing to do.
    expect((await rating.sync()).mode).to.equal('none');
    await rating.deactivate();
  });
});
