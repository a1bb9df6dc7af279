import { expect } from 'chai';
import { forEachDatabase, loadFixtureTruth } from 'etbot/testing';
import { fixtureFiles, importAndSettle, shuffled, startRatingBot, storedRatings, type RatingBot } from './support';

forEachDatabase('rating: import order', (handle) => {
  const truth = loadFixtureTruth();
  let reference: Awaited<ReturnType<typeof storedRatings>> | undefined;
  let target: RatingBot | undefined;

  afterEach(async () => {
    await target?.bot.stop();
    target = undefined;
  });

  const orders: [string, () => string[]][] = [
    ['name order', () => fixtureFiles()],
    ['reversed', () => fixtureFiles().reverse()],
    ['shuffled (seed 1)', () => shuffled(fixtureFiles(), 1)],
    ['shuffled (seed 7)', () => shuffled(fixtureFiles(), 7)],
  ];

  for (const [label, order] of orders) {
    it(`imported in ${label}, rating each file as it arrives, stores the same ratings`, async () => {
      target = await startRatingBot({ database: handle.kind });
      await importAndSettle(target, order());
      const stored = await storedRatings(target.bot);

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
    target = await startRatingBot({ database: handle.kind });
    const late = '2025-11-07-210413-etl_adlernest-round-1.txt';
    await importAndSettle(
      target,
      fixtureFiles().filter((f) => f !== late),
    );
    const before = await storedRatings(target.bot);
    expect(before.maps).to.have.length(7);
    await importAndSettle(target, [late]);
    const after = await storedRatings(target.bot);
    expect(after.maps).to.have.length(8);
    expect(after).to.deep.equal(reference);
  });

  it('every fixture imported at once, then the plugin reloaded, stores the same ratings', async () => {
    target = await startRatingBot({ database: handle.kind, fixtures: true });
    expect(await storedRatings(target.bot)).to.deep.equal(reference);
    // Enabled again (as at every start): the stored maps are up to date, nothing changes.
    await target.bot.app.plugins.reload('rating');
    await target.rating().ready();
    expect(await storedRatings(target.bot)).to.deep.equal(reference);
  });
});
