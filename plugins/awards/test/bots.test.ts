import { expect } from 'chai';
import { AwardsServices, BotRule, DEFAULT_BOT_NAME_PATTERN, definePlugin, QueryServices, type AwardRegistry, type RoundValuesService } from 'etbot/plugin-api';
import { createTestBot, type TestBot } from 'etbot/testing';
import { computeAwards } from '../compute-awards';

const BOT = 'OMNIBOT0[BOT]Bolt';

/** Awards follow the core bot rule: with only the bot's rows, he wins nothing unless bots are included. */
describe('awards and bots', function () {
  this.timeout(120_000);
  let bot: TestBot | undefined;
  let registry: AwardRegistry;
  let values: RoundValuesService;

  before(async () => {
    const probe = definePlugin({
      manifest: { id: 'awards-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['awards'] },
      register(api) {
        registry = api.services.get(AwardsServices.Registry);
        values = api.services.get(QueryServices.RoundValues);
      },
    });
    bot = await createTestBot({ plugins: ['awards', probe] });
  });
  after(async () => bot?.stop());

  it('gives the bot no award by default, and the awards he leads with players.includeBots', async () => {
    // [BOT]Bolt played all 19 counted rounds of the fixtures (60 kills, 43568 damage given).
    const rows = await values.ofPlayers([BOT]);
    expect(new Set(rows.map((r) => r.guid))).to.deep.equal(new Set([BOT]));
    expect(computeAwards(registry.list(), rows, new BotRule())).to.deep.equal([]);
    const included = computeAwards(registry.list(), rows, new BotRule({ includeBots: true, botNamePattern: DEFAULT_BOT_NAME_PATTERN }));
    expect(included.length).to.be.greaterThan(0);
    for (const award of included) expect(award.winners.map((w) => w.guid)).to.deep.equal([BOT]);
    expect(included.find((a) => a.title === 'Most damage given')?.value).to.equal(43568);
  });

  it('keeps the bot off `!awards all` on the fixtures', async () => {
    expect((await bot!.run('!awards all')).embeds![0]!.description).to.not.include('[BOT]Bolt');
  });
});
