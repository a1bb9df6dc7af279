import { expect } from 'chai';
import { BotRule, DEFAULT_BOT_NAME_PATTERN, definePlugin, QueryServices, type RoundValuesService } from 'etbot/plugin-api';
import { createTestBot, type TestBot } from 'etbot/testing';
import { roundBests } from '../record-stats';

const BOT = 'OMNIBOT0[BOT]Bolt';

/** Records follow the core bot rule: alone in his rows, the bot holds every round best only when bots are included. */
describe('records and bots', function () {
  this.timeout(120_000);
  let bot: TestBot | undefined;
  let values: RoundValuesService;

  before(async () => {
    const probe = definePlugin({
      manifest: { id: 'records-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['records'] },
      register(api) {
        values = api.services.get(QueryServices.RoundValues);
      },
    });
    bot = await createTestBot({ plugins: ['records', probe] });
  });
  after(async () => bot?.stop());

  it('holds no round best by default; holds them with players.includeBots', async () => {
    const rows = await values.ofPlayers([BOT]);
    // 19 counted rounds of the fixtures: every one of his rows is a round of its own.
    expect(new Set(rows.map((r) => r.roundId)).size).to.equal(19);
    expect(roundBests(rows, new BotRule())).to.deep.equal([]);
    const included = roundBests(rows, new BotRule({ includeBots: true, botNamePattern: DEFAULT_BOT_NAME_PATTERN }));
    expect(included.length).to.be.greaterThan(0);
    expect(new Set(included.map((b) => b.guid))).to.deep.equal(new Set([BOT]));
  });

  it('keeps the bot out of `!records kills`', async () => {
    const reply = await bot!.run('!records kills');
    expect(JSON.stringify(reply)).to.not.include('[BOT]Bolt');
  });
});
