import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../core/data/database';
import { num } from '../../core/data/sql';
import { Importer, DEFAULT_IMPORT_SETTINGS } from '../../core/ingest/importer';
import { ratingEntities, ratingMigrations, RatingService } from '../../core/rating';
import type { TestDatabase } from '../support/databases';
import { shuffled } from '../support/shuffle';
export { shuffled };

export const FIXTURES = path.resolve(__dirname, '../../../fixtures');

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}


/** The suite's database emptied, opened with the rating tables migrated. */
export async function openRatingDatabase(handle: TestDatabase): Promise<Database> {
  await handle.reset();
  const db = await handle.open({ entities: ratingEntities, migrations: ratingMigrations });
  await db.transaction(async (sql) => {
    for (const t of ['rating_history', 'rating_maps', 'rating_players']) await sql.run(`DELETE FROM ${t}`);
  });
  return db;
}

/**
 * An importer whose `round.imported` events reach an active RatingService, the way the rating
 * plugin wires them; `importAndSettle` imports one file and lets the rating catch up.
 */
export async function ratedImporter(
  db: Database,
  read: (name: string) => Buffer | string = (name) => fs.readFileSync(path.join(FIXTURES, name)),
): Promise<{ rating: RatingService; importOnly(file: string): Promise<void>; importAndSettle(file: string): Promise<void> }> {
  const rating = new RatingService(db, { debounceMs: 60_000 });
  rating.activate();
  await rating.settle();
  const importer = new Importer(db, DEFAULT_IMPORT_SETTINGS, {
    emit: (event, payload) => {
      if (event === 'round.imported') rating.noteImported(payload as { roundId: number; rederivedRoundIds: number[] });
    },
  });
  const importOnly = async (file: string) => {
    const outcome = await importer.importContent(file, read(file), { source: 'test' });
    if (outcome.status !== 'imported') throw new Error(`${file}: ${outcome.status} ${outcome.reason ?? ''}`);
  };
  return {
    rating,
    importOnly,
    async importAndSettle(file: string) {
      await importOnly(file);
      await rating.settle();
    },
  };
}

/** Everything the rating stored, without database ids (match and round ids depend on import order). */
export async function storedRatings(db: Database): Promise<{ players: unknown[]; maps: unknown[]; history: unknown[] }> {
  return db.read(async (sql) => {
    const players = (await sql.all('SELECT guid, mu, sigma, maps, wins, draws, losses, last_ended_at_utc FROM rating_players')).map((r) => ({
      guid: String(r.guid),
      mu: num(r.mu),
      sigma: num(r.sigma),
      maps: num(r.maps),
      wins: num(r.wins),
      draws: num(r.draws),
      losses: num(r.losses),
      last: String(r.last_ended_at_utc),
    }));
    players.sort((a, b) => (a.guid < b.guid ? -1 : 1));
    const maps = (await sql.all('SELECT seq, server_id, map, ended_at_utc, outcome, rated, predicted_a FROM rating_maps ORDER BY seq')).map((r) => ({
      seq: num(r.seq),
      map: String(r.map),
      endedAtUtc: String(r.ended_at_utc),
      outcome: String(r.outcome),
      predictedA: num(r.predicted_a, true),
    }));
    const history = (await sql.all('SELECT seq, guid, side, result, weight, mu_before, sigma_before, mu, sigma FROM rating_history')).map((r) => ({
      seq: num(r.seq),
      guid: String(r.guid),
      side: num(r.side),
      result: String(r.result),
      weight: num(r.weight),
      muBefore: num(r.mu_before),
      sigmaBefore: num(r.sigma_before),
      mu: num(r.mu),
      sigma: num(r.sigma),
    }));
    history.sort((a, b) => a.seq - b.seq || (a.guid < b.guid ? -1 : 1));
    return { players, maps, history };
  });
}
