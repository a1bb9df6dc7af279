import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { definePlugin, num, RatingServices, type SkillRating } from 'etbot/plugin-api';
import { createTestBot, writeGeneratedFixtures, type TestBot } from 'etbot/testing';

const SECOND_ATTACK_KEY = '#second-attack';

/** `!top rating` in the leaderboards plugin, from the rating plugin's provided service. */
describe('!top rating', () => {
  let bot: TestBot | undefined;
  let dir: string;
  let rating: SkillRating | undefined;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-top-rating-'));
    // Eight evenings give the regulars well over 10 rated maps.
    await writeGeneratedFixtures({ out: dir, seed: 11, sessions: 8 });
    const probe = definePlugin({
      manifest: { id: 'rating-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['rating'] },
      register(api) {
        rating = api.services.get(RatingServices.Rating);
      },
    });
    bot = await createTestBot({ plugins: ['leaderboards', 'rating', probe], fixtures: [dir] });
    await rating!.ready();
  });

  after(async () => {
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks players with at least 10 rated maps by the shown rating, 10 per page', async () => {
    // The expected board straight from the stored ratings: shown = round(1000 + 40 (mu - 3 sigma)).
    const stored = await bot!.db.read((sql) =>
      sql.all(
        `SELECT r.guid, r.mu, r.sigma, r.maps FROM rating_players r JOIN players p ON p.guid = r.guid
         WHERE r.maps >= 10 AND r.guid <> ? AND r.guid NOT LIKE 'OMNIBOT0%'`,
        [SECOND_ATTACK_KEY],
      ),
    );
    const expected = stored
      .map((r) => ({ guid: String(r.guid), shown: Math.round(1000 + 40 * (num(r.mu) - 3 * num(r.sigma))), maps: num(r.maps) }))
      .sort((a, b) => b.shown - a.shown);
    expect(expected.length).to.be.greaterThan(10);

    const reply = await bot!.run('!top rating');
    const embed = reply.embeds![0]!;
    expect(embed.title).to.equal('Top players by skill rating');
    const lines = embed.description!.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).to.have.length(10);
    const shown = lines.map((l) => Number(/ - (\d+) \(±/.exec(l)![1]));
    expect(shown).to.deep.equal(expected.slice(0, 10).map((e) => e.shown));
    expect(reply.pagination?.pageCount).to.equal(Math.ceil(expected.length / 10));

    const second = await reply.pagination!.goTo(1);
    const secondLines = second.embeds![0]!.description!.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(secondLines[0]).to.match(/^11\. /);
  });

  it('refuses a time window: the rating is all time', async () => {
    const reply = await bot!.run('!top rating 30d');
    expect(reply.isError).to.equal(true);
    expect(reply.text).to.contain('the skill rating is all time only');
  });

  it('says so when the rating plugin is off, and ranks again when it is back', async () => {
    await bot!.app.plugins.disable('rating');
    try {
      expect((await bot!.run('!top rating')).text).to.equal('The rating plugin is not enabled.');
    } finally {
      await bot!.app.plugins.enable('rating');
    }
    expect((await bot!.run('!top rating')).embeds![0]!.title).to.equal('Top players by skill rating');
  });
});
