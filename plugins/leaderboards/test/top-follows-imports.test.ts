import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';
import { descriptionLines } from './helpers';

const truth = loadFixtureTruth();

forEachDatabase('!top on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ plugins: ['leaderboards'], database: handle.url, fixtures: false });
  });
  after(async () => bot?.stop());

  for (const line of ['!top kills', '!top kd 30d']) {
    it(`${line} answers "No rounds imported yet." (not an error)`, async () => {
      const reply = await bot.run(line);
      expect(reply.text).to.equal('No rounds imported yet.');
      expect(reply.isError ?? false).to.equal(false);
    });
  }
});

forEachDatabase('!top follows a new round at once (cache invalidated on round.imported)', (handle) => {
  let bot: TestBot;
  let held: string;
  before(async () => {
    // Everything but the last fixture file; it is imported during the test.
    const files = fs
      .readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith('-round-1.txt') || f.endsWith('-round-2.txt'))
      .sort();
    held = path.join(FIXTURES_DIR, files[files.length - 1]!);
    bot = await createTestBot({ plugins: ['leaderboards'], database: handle.url, fixtures: files.slice(0, -1).map((f) => path.join(FIXTURES_DIR, f)) });
  });
  after(async () => bot?.stop());

  it('!top rounds changes with the next import and !top kills then equals truth.json', async () => {
    const before = descriptionLines(await bot.run('!top rounds'));
    await bot.run('!top rounds'); // cached now
    await bot.importFile(held);
    const after = descriptionLines(await bot.run('!top rounds'));
    expect(after).to.not.deep.equal(before);
    // The all-time board after the import: truth.json sorted by kills (ties by name).
    const lower = (x: string) => x.toLowerCase();
    // Bots are left out by default (players.includeBots).
    const sorted = truth.players.filter((p) => !p.guid.startsWith('OMNIBOT0')).sort((a, b) => b.kills - a.kills || (lower(a.name) < lower(b.name) ? -1 : 1));
    const top = await bot.run('!top kills');
    const lines = [...descriptionLines(top), ...descriptionLines(await top.pagination!.goTo(1))];
    expect(lines.map((l) => l.replace(/^\d+\. /, ''))).to.deep.equal(sorted.map((p) => `${p.name} - ${p.kills} kills`));
  });
});
