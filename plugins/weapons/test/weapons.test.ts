import { expect } from 'chai';
import { createTestBot, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';

const truth = loadFixtureTruth();

forEachDatabase('!weapons on the fixtures', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['weapons'] });
  });
  after(async () => bot?.stop());

  it('shows the names players know and adds up to the totals', async () => {
    const t = truth.players.find((p) => p.guid === '12FDAAA7')!;
    const reply = await bot.run('!weapons sub.way');
    expect(reply.embeds![0]!.title).to.equal('Weapons of sub.way');
    const lines = reply.embeds![0]!.description!.split('\n');
    let kills = 0;
    let deaths = 0;
    for (const line of lines) {
      const m = /^\*\*(.+)\*\*: (\d+) kills, (\d+) deaths by it, /.exec(line);
      expect(m, line).to.not.equal(null);
      kills += Number(m![2]);
      deaths += Number(m![3]);
    }
    expect([kills, deaths]).to.deep.equal([t.kills, t.deaths]);
    expect(reply.embeds![0]!.description).to.match(/\*\*(Flamethrower|MG42|Thompson|MP40|Browning|Bazooka|Panzerfaust)\*\*/);
  });

  it('answers an unknown player with close names', async () => {
    expect((await bot.run('!weapons snaek')).text).to.equal("No player matches 'snaek'. Did you mean Snake?");
  });
});

forEachDatabase('!weapons on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['weapons'], fixtures: false });
  });
  after(async () => bot?.stop());

  it('answers "No rounds imported yet." (not an error)', async () => {
    const reply = await bot.run('!weapons x');
    expect(reply.text).to.equal('No rounds imported yet.');
    expect(reply.isError ?? false).to.equal(false);
  });
});
