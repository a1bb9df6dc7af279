import { expect } from 'chai';
import { createTestBot, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';

const truth = loadFixtureTruth();
const truthPlayer = (guid: string) => truth.players.find((p) => p.guid === guid)!;

forEachDatabase('!compare on the fixtures', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['compare'] });
  });
  after(async () => bot?.stop());

  it('shows both players, who leads, and a radar PNG', async () => {
    const a = truthPlayer('39137DDE');
    const b = truthPlayer('B5F6FD48');
    const reply = await bot.run('!compare snake slasher');
    expect(reply.embeds![0]!.title).to.equal('Snake vs slasher');
    const text = reply.embeds![0]!.description!;
    expect(text).to.include(`**K/D**: ${a.kd.toFixed(2)} vs ${b.kd.toFixed(2)} (${a.kd > b.kd ? 'Snake' : 'slasher'} leads)`);
    expect(text).to.include(`**Kills**: ${a.kills} vs ${b.kills}`);
    expect(text).to.include(`**DPM**: ${a.dpm.toFixed(2)} vs ${b.dpm.toFixed(2)} (${a.dpm > b.dpm ? 'Snake' : 'slasher'} leads)`);
    // Rounds played names no leader.
    expect(text).to.include(`**Rounds played**: ${a.rounds} vs ${b.rounds}\n`);
    expect(reply.files?.[0]?.name).to.equal('compare.png');
    expect(reply.embeds![0]!.image).to.equal('compare.png');
    expect(reply.files![0]!.data.subarray(1, 4).toString('latin1')).to.equal('PNG');
  });

  it('refuses the same player twice, and answers for the first player that is not found', async () => {
    const same = await bot.run('!compare snake snake');
    expect(same.isError).to.equal(true);
    expect(same.text).to.match(/two different players/);
    expect((await bot.run('!compare snaek slasher')).text).to.equal("No player matches 'snaek'. Did you mean Snake?");
    expect((await bot.run('!compare snake qqqqqqqq')).text).to.equal("No player matches 'qqqqqqqq'.");
  });
});

forEachDatabase('!compare on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['compare'], fixtures: false });
  });
  after(async () => bot?.stop());

  it('answers "No rounds imported yet." (not an error)', async () => {
    const reply = await bot.run('!compare a b');
    expect(reply.text).to.equal('No rounds imported yet.');
    expect(reply.isError ?? false).to.equal(false);
  });
});
