import { expect } from 'chai';
import { definePlugin, RatingServices, type SkillRating } from 'etbot/plugin-api';
import { createTestBot, type TestBot } from 'etbot/testing';

const BOT = 'OMNIBOT0[BOT]Bolt';
const ROOKIE = 'B0B0BEAF';

/** The rating board follows the core bot rule (players.includeBots, players.botNamePattern). */
describe('rating and bots', function () {
  this.timeout(120_000);

  async function start(players: Record<string, unknown>): Promise<{ bot: TestBot; rating: SkillRating }> {
    let rating: SkillRating | undefined;
    const probe = definePlugin({
      manifest: { id: 'rating-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['rating'] },
      register(api) {
        rating = api.services.get(RatingServices.Rating);
      },
    });
    const bot = await createTestBot({ plugins: ['rating', probe], config: { players } });
    await rating!.ready();
    return { bot, rating: rating! };
  }

  it('leaves the bot off the board by default and names a matching player a bot', async () => {
    const { bot, rating } = await start({ botNamePattern: '^rookie$' });
    try {
      const guids = (await rating.leaderboard({ minMaps: 1, limit: 100 })).rows.map((r) => r.guid);
      expect(guids).to.not.include(BOT);
      expect(guids).to.not.include(ROOKIE);
      expect(await rating.rankOf(BOT, { minMaps: 1 })).to.equal(null);
    } finally {
      await bot.stop();
    }
  });

  it('ranks the bot with players.includeBots', async () => {
    const { bot, rating } = await start({ includeBots: true });
    try {
      const guids = (await rating.leaderboard({ minMaps: 1, limit: 100 })).rows.map((r) => r.guid);
      expect(guids).to.include(BOT);
      expect(guids).to.include(ROOKIE);
      expect(await rating.rankOf(BOT, { minMaps: 1 })).to.not.equal(null);
    } finally {
      await bot.stop();
    }
  });
});
