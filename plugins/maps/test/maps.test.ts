import { expect } from 'chai';
import { createTestBot, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';

const truth = loadFixtureTruth();

forEachDatabase('!maps on the fixtures', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['maps'] });
  });
  after(async () => bot?.stop());

  it('adds up to the rounds of truth.json', async () => {
    const t = truth.players.find((p) => p.guid === 'B5F6FD48')!;
    const reply = await bot.run('!maps slasher');
    expect(reply.embeds![0]!.title).to.equal('Maps of slasher');
    const lines = reply.embeds![0]!.description!.split('\n');
    const rounds = lines.map((l) => Number(/: (\d+) rounds, won \d+ attacking and \d+ defending, K\/D [\d.]+, DPM [\d.]+$/.exec(l)![1]));
    expect(rounds.reduce((a, b) => a + b, 0)).to.equal(t.rounds);
  });

  it('escapes map names on Discord', async () => {
    const reply = await bot.run('!maps slasher', { transport: 'discord' });
    expect(reply.embeds![0]!.description).to.contain('**te\\_escape2**: ');
  });
});

forEachDatabase('!maps on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['maps'], fixtures: false });
  });
  after(async () => bot?.stop());

  it('answers "No rounds imported yet." (not an error)', async () => {
    const reply = await bot.run('!maps x');
    expect(reply.text).to.equal('No rounds imported yet.');
    expect(reply.isError ?? false).to.equal(false);
  });
});
