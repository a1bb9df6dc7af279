import { expect } from 'chai';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';
import { halfUp2, hoursMinutes, loadTruth, truthPlayer } from '../queries/truth';
import { ALL_PLUGINS, discordUser, fields } from './helpers';

const truth = loadTruth();

forEachDatabase('!stats on the fixtures', (database) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS] });
  });
  after(async () => bot?.stop());

  // Regular, substitute (only in an R2), reconnecting in R2, renamed on a spectator line, the bot,
  // and a 37-field-only player (no revives given: shown as '-').
  const cases = [
    ['39137DDE', 'Snake'],
    ['12FDAAA7', 'sub.way'],
    ['B5F6FD48', 'slasher'],
    ['B70C1A74', 'mr. brown'],
    ['OMNIBOT0[BOT]Bolt', '[bot]bolt'],
    ['67D6A455', '67d6a455'],
  ] as const;
  for (const [guid, typed] of cases) {
    it(`shows every number of truth.json for '${typed}'`, async () => {
      const t = truthPlayer(truth, guid);
      const reply = await bot.run(`!stats ${typed}`);
      expect(reply.embeds?.[0]?.title).to.equal(`Stats for ${t.name}`);
      const f = fields(reply);
      expect(f['Rounds played']).to.equal(String(t.rounds));
      expect(f['Time played']).to.equal(hoursMinutes(t.timePlayedSeconds));
      expect(f['K/D']).to.equal(`${t.kd.toFixed(2)} (${t.kills} kills, ${t.deaths} deaths)`);
      expect(f.DPM).to.equal(t.dpm.toFixed(2));
      expect(f.Accuracy).to.equal(`${t.accuracy!.toFixed(2)}% (${t.hits} hits, ${t.shots} shots)`);
      expect(f.Headshots).to.equal(`${halfUp2(100 * t.headshots, t.hits).toFixed(2)}% of hits (${t.headshots} head hits)`);
      expect(f.Damage).to.equal(`${t.damageGiven} given, ${t.damageReceived} received`);
      expect(f.Gibs).to.equal(String(t.gibs));
      expect(f.Revives).to.equal(`${t.revivesGiven === null ? '-' : t.revivesGiven} given, ${t.timesRevived} received`);
      expect(f.XP).to.equal(String(t.xp));
      expect(f['First seen']).to.match(/^2025-11-\d\d \d\d:\d\d$/);
      expect(f['Top weapons']).to.match(/^[A-Za-z0-9 -]+ \(\d+ kills\)/);
    });
  }

  it('lists the other names a GUID used', async () => {
    const f = fields(await bot.run('!stats mr. brown'));
    expect(f['Other names']).to.equal('Mr. Pink');
  });

  it("shows a linked caller's own stats with no argument, and a linked user's by @mention", async () => {
    const me = discordUser('300000000000000001');
    expect((await bot.run('!stats', me)).text).to.match(/not linked/);
    expect((await bot.run('!link snake', me, 'discord')).text).to.match(/now linked to Snake/);
    const own = await bot.run('!stats', me, 'discord');
    const t = truthPlayer(truth, '39137DDE');
    expect(own.embeds?.[0]?.title).to.equal('Stats for Snake');
    expect(fields(own)['K/D']).to.equal(`${t.kd.toFixed(2)} (${t.kills} kills, ${t.deaths} deaths)`);
    const other = await bot.run('!stats <@300000000000000001>', discordUser('300000000000000002'), 'discord');
    expect(other.embeds?.[0]?.title).to.equal('Stats for Snake');
    expect((await bot.run('!stats <@300000000000000009>')).text).to.equal('<@300000000000000009> has not linked a player.');
  });

  it('lists the candidates when several players match', async () => {
    const reply = await bot.run('!stats sn');
    // 'sn' is in 'Snake' only among current names... and in no alias: found, not ambiguous.
    expect(reply.embeds?.[0]?.title).to.equal('Stats for Snake');
    const several = await bot.run('!stats s');
    expect(several.text).to.match(/^Several players match 's':/);
    for (const name of ['Snake', 'slasher', 'sub.way', 'Question']) expect(several.text).to.include(`- ${name} (`);
  });

  it('says when nobody matches and suggests close names', async () => {
    expect((await bot.run('!stats snaek')).text).to.equal("No player matches 'snaek'. Did you mean Snake?");
    expect((await bot.run('!stats qqqqqqqq')).text).to.equal("No player matches 'qqqqqqqq'.");
  });

  it('!weapons shows the names players know and adds up to the totals', async () => {
    const t = truthPlayer(truth, '12FDAAA7');
    const reply = await bot.run('!weapons sub.way');
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

  it('!maps adds up to the rounds of truth.json', async () => {
    const t = truthPlayer(truth, 'B5F6FD48');
    const lines = (await bot.run('!maps slasher')).embeds![0]!.description!.split('\n');
    const rounds = lines.map((l) => Number(/: (\d+) rounds, won \d+ attacking and \d+ defending, K\/D [\d.]+, DPM [\d.]+$/.exec(l)![1]));
    expect(rounds.reduce((a, b) => a + b, 0)).to.equal(t.rounds);
  });

  it('!compare shows both players, who leads, and a radar PNG', async () => {
    const a = truthPlayer(truth, '39137DDE');
    const b = truthPlayer(truth, 'B5F6FD48');
    const reply = await bot.run('!compare snake slasher');
    const text = reply.embeds![0]!.description!;
    expect(text).to.include(`**K/D**: ${a.kd.toFixed(2)} vs ${b.kd.toFixed(2)} (${a.kd > b.kd ? 'Snake' : 'slasher'} leads)`);
    expect(text).to.include(`**Kills**: ${a.kills} vs ${b.kills}`);
    expect(text).to.include(`**DPM**: ${a.dpm.toFixed(2)} vs ${b.dpm.toFixed(2)} (${a.dpm > b.dpm ? 'Snake' : 'slasher'} leads)`);
    expect(reply.files?.[0]?.name).to.equal('compare.png');
    expect(reply.files![0]!.data.subarray(1, 4).toString('latin1')).to.equal('PNG');
    expect((await bot.run('!compare snake snake')).text).to.match(/two different players/);
  });
});
