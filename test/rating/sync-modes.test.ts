import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../../core/testing';
import { Importer, DEFAULT_IMPORT_SETTINGS } from '../../core/ingest/importer';
import { MatchResultsService } from '../../core/queries/match-results';
import { ratingMigrations } from '../../plugins/rating/data/migrations';
import { ratingEntities } from '../../plugins/rating/data/entities';
import { RatingService } from '../../plugins/rating/rating-service';
import { forEachDatabase } from '../support/databases';

// White-box (stays outside plugins/rating/test): which path a sync took, incremental or full, is
// only visible on the plugin's RatingService, which the public API does not expose.
forEachDatabase('rating: incremental and full syncs', (handle) => {
  it('new maps at the end are rated incrementally; a full rebuild gives the same numbers; nothing new does nothing', async () => {
    const db = await handle.open({ entities: ratingEntities, migrations: ratingMigrations });
    const rating = new RatingService(new MatchResultsService(db), db, { debounceMs: 60_000 });
    rating.activate();
    await rating.settle();
    const importer = new Importer(db, DEFAULT_IMPORT_SETTINGS, {
      emit: (event, payload) => {
        if (event === 'round.imported') rating.noteImported(payload as { roundId: number; rederivedRoundIds: number[] });
      },
    });
    const importOnly = async (file: string) => {
      const outcome = await importer.importContent(file, fs.readFileSync(path.join(FIXTURES_DIR, file)), { source: 'test' });
      if (outcome.status !== 'imported') throw new Error(`${file}: ${outcome.status} ${outcome.reason ?? ''}`);
    };
    const stored = () =>
      db.read(async (sql) => [
        await sql.all('SELECT * FROM rating_players ORDER BY guid'),
        await sql.all('SELECT seq, fingerprint, predicted_a FROM rating_maps ORDER BY seq'),
      ]);
    try {
      const files = fs
        .readdirSync(FIXTURES_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort();
      for (const file of files.slice(0, -1)) {
        await importOnly(file);
        await rating.settle();
      }
      // The last R2 pairs with its R1: one new map after every rated one.
      await importOnly(files.at(-1)!);
      expect(await rating.sync()).to.deep.equal({ mode: 'incremental', maps: 1 });
      const incremental = await stored();
      const rebuilt = await rating.sync(true);
      expect(rebuilt).to.deep.equal({ mode: 'full', maps: 8, reason: 'requested' });
      expect(await stored()).to.deep.equal(incremental);
      expect((await rating.sync()).mode).to.equal('none');
    } finally {
      await rating.deactivate();
    }
  });
});
