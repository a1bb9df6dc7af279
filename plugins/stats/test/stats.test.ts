import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';
import { writeNamesRound } from './names-round';
import { fields, halfUp2, hoursMinutes, truthPlayer } from './truth';

const truth = loadFixtureTruth();
const onDiscord = (as: string) => ({ as, transport: 'discord' as const });

forEachDatabase('!stats on the fixtures', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['stats', 'link'] });
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
      // A bot still answers, marked as one.
      expect(reply.embeds?.[0]?.title).to.equal(`Stats for ${t.name}${guid.startsWith('OMNIBOT0') ? ' (bot)' : ''}`);
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
    const me = '300000000000000001';
    expect((await bot.run('!stats', { as: me })).text).to.match(/not linked/);
    expect((await bot.run('!link snake', onDiscord(me))).text).to.match(/now linked to Snake/);
    const own = await bot.run('!stats', onDiscord(me));
    const t = truthPlayer(truth, '39137DDE');
    expect(own.embeds?.[0]?.title).to.equal('Stats for Snake');
    expect(fields(own)['K/D']).to.equal(`${t.kd.toFixed(2)} (${t.kills} kills, ${t.deaths} deaths)`);
    const other = await bot.run('!stats <@300000000000000001>', onDiscord('300000000000000002'));
    expect(other.embeds?.[0]?.title).to.equal('Stats for Snake');
    expect((await bot.run('!stats <@300000000000000009>')).text).to.equal('<@300000000000000009> has not linked a player.');
  });

  it('names the link command with the prefix when the caller is not linked', async () => {
    expect((await bot.run('!stats', { as: '300000000000000003' })).text).to.equal(
      'Your Discord account is not linked to a player. Name a player, or link yourself with `!link <name or GUID>`.',
    );
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
});

forEachDatabase('!stats on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['stats'], fixtures: false });
  });
  after(async () => bot?.stop());

  for (const line of ['!stats snake', '!stats']) {
    it(`${line} answers "No rounds imported yet." (not an error)`, async () => {
      const reply = await bot.run(line);
      expect(reply.text).to.equal('No rounds imported yet.');
      expect(reply.isError ?? false).to.equal(false);
    });
  }
});

forEachDatabase('!stats follows a new round at once (cache invalidated on round.imported)', (handle) => {
  let bot: TestBot;
  let held: string;
  before(async () => {
    // Everything but the last fixture file; it is imported during the test.
    const files = fs
      .readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith('-round-1.txt') || f.endsWith('-round-2.txt'))
      .sort();
    held = path.join(FIXTURES_DIR, files[files.length - 1]!);
    bot = await createTestBot({ database: handle.url, plugins: ['stats'], fixtures: files.slice(0, -1).map((f) => path.join(FIXTURES_DIR, f)) });
  });
  after(async () => bot?.stop());

  it('changes with the next import and then equals truth.json', async () => {
    const before = fields(await bot.run('!stats 39137DDE'));
    await bot.run('!stats 39137DDE'); // cached now
    await bot.importFile(held);
    const t = truthPlayer(truth, '39137DDE');
    const after = fields(await bot.run('!stats 39137DDE'));
    expect(after['Rounds played']).to.equal(String(t.rounds));
    expect(after['K/D']).to.equal(`${t.kd.toFixed(2)} (${t.kills} kills, ${t.deaths} deaths)`);
    expect(before['Rounds played']).to.not.equal(undefined);
    expect(after).to.not.deep.equal(before);
  });
});

forEachDatabase('names in !stats replies', (handle) => {
  let bot: TestBot;
  let dir: string;
  before(async () => {
    dir = writeNamesRound();
    bot = await createTestBot({ database: handle.url, plugins: ['stats'], fixtures: [dir] });
  });
  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('escapes Discord markdown in player names on Discord, shows them as they are on the console', async () => {
    expect((await bot.run('!stats a_b', onDiscord('600000000000000001'))).embeds![0]!.title).to.equal('Stats for a\\_b');
    expect((await bot.run('!stats a_b')).embeds![0]!.title).to.equal('Stats for a_b');
  });

  it('finds names with %, _ and quotes exactly through the command', async () => {
    expect((await bot.run('!stats _')).embeds![0]!.title).to.equal('Stats for a_b');
    expect((await bot.run('!stats 0%')).embeds![0]!.title).to.equal('Stats for 100%');
    expect((await bot.run(`!stats Quote"d 'it'`)).embeds![0]!.title).to.equal(`Stats for Quote"d 'it'`);
    // By hand (names-round.ts): a_b K/D 4 / 2 = 2.00, 10 hits of 40 shots = 25.00 %.
    const f = fields(await bot.run('!stats a_b'));
    expect(f['K/D']).to.equal('2.00 (4 kills, 2 deaths)');
    expect(f.Accuracy).to.equal('25.00% (10 hits, 40 shots)');
  });
});
