import fs from 'node:fs';
import path from 'node:path';
import { definePlugin, num, RatingServices, type SkillRating } from 'etbot/plugin-api';
import { createTestBot, FIXTURES_DIR, type TestBot, type TestBotOptions } from 'etbot/testing';
export { shuffled } from 'etbot/testing';

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export interface RatingBot {
  bot: TestBot;
  /** The rating plugin's provided service, as a dependant plugin sees it (undefined while rating is off). */
  rating(): SkillRating;
}

/**
 * A test bot with the rating plugin and a probe plugin that depends on it, so the test reads the
 * rating the way another plugin would. Nothing is imported unless `fixtures` says so.
 */
export async function startRatingBot(options: Pick<TestBotOptions, 'database' | 'fixtures'> & { plugins?: TestBotOptions['plugins'] }): Promise<RatingBot> {
  let provided: SkillRating | undefined;
  const probe = definePlugin({
    manifest: { id: 'rating-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['rating'] },
    register(api) {
      provided = api.services.get(RatingServices.Rating);
      api.onDispose(() => {
        provided = undefined;
      });
    },
  });
  const bot = await createTestBot({ database: options.database, fixtures: options.fixtures ?? false, plugins: [...(options.plugins ?? ['rating']), probe] });
  const rating = () => {
    if (!provided) throw new Error('the rating plugin is not enabled');
    return provided;
  };
  await rating().ready();
  return { bot, rating };
}

/** Imports files one at a time (by name, from `dir`), letting the rating catch up after each. */
export async function importAndSettle(target: RatingBot, names: readonly string[], dir: string = FIXTURES_DIR): Promise<void> {
  for (const name of names) {
    const summary = await target.bot.importFile(path.join(dir, name));
    if (summary.imported !== 1) throw new Error(`${name}: not imported (${JSON.stringify(summary)})`);
    await target.rating().ready();
  }
}

/** Everything the rating stored, without database ids (match and round ids depend on import order). */
export async function storedRatings(bot: TestBot): Promise<{ players: unknown[]; maps: unknown[]; history: unknown[] }> {
  return bot.db.read(async (sql) => {
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
