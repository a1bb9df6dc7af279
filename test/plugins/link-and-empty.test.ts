import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, FIXTURES_DIR, type FixtureBot } from '../support/fixture-bot';
import { loadTruth, truthPlayer } from '../queries/truth';
import { writeHandFiles } from '../queries/hand-files';
import { ALL_PLUGINS, discordUser, fields, descriptionLines } from './helpers';

const truth = loadTruth();

forEachDatabase('!link and !unlink', (database) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS] });
  });
  after(async () => bot?.stop());

  const alice = discordUser('500000000000000001');
  const bob = discordUser('500000000000000002');
  const admin = discordUser('500000000000000003', true);

  it('links by name or GUID, and a GUID linked to someone else needs an admin', async () => {
    expect((await bot.run('!link slasher', alice, 'discord')).text).to.equal('You are now linked to slasher (`B5F6FD48`).');
    expect((await bot.run('!link b5f6fd48', alice, 'discord')).text).to.equal('You are already linked to slasher (`B5F6FD48`).');
    const taken = await bot.run('!link slasher', bob, 'discord');
    expect(taken.isError).to.equal(true);
    expect(taken.text).to.match(/linked to another Discord account/);
    expect((await bot.run('!link <@500000000000000002> B5F6FD48', bob, 'discord')).text).to.equal('Only admins can link another account.');
    expect((await bot.run('!link <@500000000000000002> B5F6FD48', admin, 'discord')).text).to.equal('<@500000000000000002> is now linked to slasher (`B5F6FD48`).');
    expect((await bot.run('!stats', alice, 'discord')).text).to.match(/not linked/);
    expect((await bot.run('!stats', bob, 'discord')).embeds![0]!.title).to.equal('Stats for slasher');
  });

  it('accepts a well-formed GUID not seen yet, and refuses an ambiguous name', async () => {
    expect((await bot.run('!link 0BADF00D', alice, 'discord')).text).to.equal('You are now linked to GUID `0BADF00D` (not seen in any round yet).');
    expect((await bot.run('!link s', alice, 'discord')).text).to.match(/^Several players match 's'/);
  });

  it('unlinks', async () => {
    expect((await bot.run('!unlink', bob, 'discord')).text).to.equal('You are no longer linked to `B5F6FD48`.');
    expect((await bot.run('!unlink', bob, 'discord')).text).to.equal('You had no linked player.');
    expect((await bot.run('!unlink <@500000000000000001>', bob, 'discord')).text).to.match(/Only admins/);
    expect((await bot.run('!unlink <@500000000000000001>', admin, 'discord')).text).to.equal('<@500000000000000001> is no longer linked to `0BADF00D`.');
  });
});

forEachDatabase('player commands on an empty database', (database) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS], importPaths: [] });
  });
  after(async () => bot?.stop());

  for (const line of ['!stats snake', '!stats', '!top kills', '!top kd 30d', '!weapons x', '!maps x', '!compare a b', '!sessions', '!session']) {
    it(`${line} answers "No rounds imported yet." (not an error)`, async () => {
      const reply = await bot.run(line);
      expect(reply.text).to.equal('No rounds imported yet.');
      expect(reply.isError ?? false).to.equal(false);
    });
  }
});

forEachDatabase('answers follow a new round at once (cache invalidated on round.imported)', (database) => {
  let bot: FixtureBot;
  let held: string;
  before(async () => {
    // Everything but the last fixture file; it is imported during the test.
    const files = fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('-round-1.txt') || f.endsWith('-round-2.txt')).sort();
    held = path.join(FIXTURES_DIR, files[files.length - 1]!);
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS], importPaths: files.slice(0, -1).map((f) => path.join(FIXTURES_DIR, f)) });
  });
  after(async () => bot?.stop());

  it('!top rounds and !stats change with the next import and then equal truth.json', async () => {
    const before = descriptionLines(await bot.run('!top rounds'));
    const snakeBefore = fields(await bot.run('!stats 39137DDE'));
    await bot.run('!stats 39137DDE'); // cached now
    await bot.importer.importFile(held, { source: 'test' });
    const after = descriptionLines(await bot.run('!top rounds'));
    expect(after).to.not.deep.equal(before);
    const t = truthPlayer(truth, '39137DDE');
    const snake = fields(await bot.run('!stats 39137DDE'));
    expect(snake['Rounds played']).to.equal(String(t.rounds));
    expect(snake['K/D']).to.equal(`${t.kd.toFixed(2)} (${t.kills} kills, ${t.deaths} deaths)`);
    expect(snakeBefore['Rounds played']).to.not.equal(undefined);
    // The all-time board after the import: truth.json sorted by kills (ties by name).
    const lower = (x: string) => x.toLowerCase();
    const sorted = [...truth.players].sort((a, b) => b.kills - a.kills || (lower(a.name) < lower(b.name) ? -1 : 1));
    const top = await bot.run('!top kills');
    const lines = [...descriptionLines(top), ...descriptionLines(await top.pagination!.goTo(1))];
    expect(lines.map((l) => l.replace(/^\d+\. /, ''))).to.deep.equal(sorted.map((p) => `${p.name} - ${p.kills} kills`));
  });
});

forEachDatabase('names in replies', (database) => {
  let bot: FixtureBot;
  let dir: string;
  before(async () => {
    dir = writeHandFiles();
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS], importPaths: [dir] });
  });
  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('escapes Discord markdown in player names on Discord, shows them as they are on the console', async () => {
    expect((await bot.run('!stats a_b', discordUser('600000000000000001'), 'discord')).embeds![0]!.title).to.equal('Stats for a\\_b');
    expect((await bot.run('!stats a_b')).embeds![0]!.title).to.equal('Stats for a_b');
  });

  it('finds names with %, _ and quotes exactly through the commands', async () => {
    expect((await bot.run('!stats _')).embeds![0]!.title).to.equal('Stats for a_b');
    expect((await bot.run('!stats 0%')).embeds![0]!.title).to.equal('Stats for 100%');
    expect((await bot.run(`!stats Quote"d 'it'`)).embeds![0]!.title).to.equal(`Stats for Quote"d 'it'`);
    // By hand: a_b K/D 11 / 4 = 2.75, 36 hits of 110 shots = 32.73 %.
    expect(fields(await bot.run('!stats a_b'))['K/D']).to.equal('2.75 (11 kills, 4 deaths)');
  });
});
