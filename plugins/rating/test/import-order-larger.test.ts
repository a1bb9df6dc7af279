import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDatabase, writeGeneratedFixtures, type TestDatabase } from 'etbot/testing';
import { importAndSettle, shuffled, startRatingBot, storedRatings } from './support';

const REAL_DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';
const ROUND_FILE = /^\d{4}-\d{2}-\d{2}-\d{6}-.+-round-\d+\.txt$/;

/** Imports `names` from `dir` in this order, rating after every file; returns what the rating stored. */
async function rateInOrder(handle: TestDatabase, dir: string, names: string[]) {
  const target = await startRatingBot({ database: handle.kind });
  try {
    await importAndSettle(target, names, dir);
    return await storedRatings(target.bot);
  } finally {
    await target.bot.stop();
  }
}

forEachDatabase('rating: import order, larger data', (handle) => {
  it('generated evenings (seed 5, 5 sessions): name order, reversed and shuffled store the same ratings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-rating-order-'));
    try {
      await writeGeneratedFixtures({ out: dir, seed: 5, sessions: 5 });
      const names = fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.txt'))
        .sort();
      const reference = await rateInOrder(handle, dir, names);
      expect(reference.maps.length).to.be.greaterThan(15);
      expect(await rateInOrder(handle, dir, [...names].reverse())).to.deep.equal(reference);
      expect(await rateInOrder(handle, dir, shuffled(names, 3))).to.deep.equal(reference);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('real files: name order and shuffled store the same ratings', async function () {
    if (!fs.existsSync(REAL_DIR)) {
      console.log(`      (skipped: ${REAL_DIR} not found)`);
      this.skip();
    }
    const names = fs
      .readdirSync(REAL_DIR)
      .filter((n) => ROUND_FILE.test(n))
      .sort();
    const reference = await rateInOrder(handle, REAL_DIR, names);
    expect(reference.maps.length).to.be.greaterThan(50);
    expect(await rateInOrder(handle, REAL_DIR, shuffled(names, 11))).to.deep.equal(reference);
  });
});
