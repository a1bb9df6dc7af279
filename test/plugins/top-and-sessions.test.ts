import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, FIXTURES_DIR, type FixtureBot } from '../support/fixture-bot';
import { loadTruth } from '../queries/truth';
import { ALL_PLUGINS, descriptionLines, fields } from './helpers';

// What is left here of the former stats.test.ts and link-and-empty.test.ts after issue 17 moved
// the tests of stats, weapons, maps, compare and link into plugins/<id>/test: the tests of the
// leaderboards and sessions plugins, for their own folders.

const truth = loadTruth();

forEachDatabase('!sessions and !session on the fixtures', (database) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS] });
  });
  after(async () => bot?.stop());

  it('!sessions lists both evenings and !session shows one', async () => {
    const list = (await bot.run('!sessions 2025-11')).embeds![0]!.description!.split('\n');
    expect(list).to.have.length(truth.sessions.length);
    truth.sessions.forEach((s, i) => {
      expect(list[i]).to.include(`#${s.index} · ${s.start.slice(0, 16).replace('T', ' ')} · `);
      expect(list[i]).to.include(` · ${s.maps} maps (`);
    });
    const last = truth.sessions[truth.sessions.length - 1]!;
    const detail = await bot.run('!session');
    expect(detail.embeds![0]!.title).to.equal(`Session #${last.index} · ${last.start.slice(0, 10)}`);
    expect(fields(detail).Rounds).to.equal(String(last.rounds));
    expect(fields(detail).Maps).to.equal(String(last.maps));
    const byDate = await bot.run(`!session ${truth.sessions[0]!.start.slice(0, 10)}`);
    expect(byDate.embeds![0]!.title).to.equal(`Session #1 · ${truth.sessions[0]!.start.slice(0, 10)}`);
    expect((await bot.run('!session 99')).text).to.match(/^No session #99/);
    expect((await bot.run('!sessions 2025-13')).isError).to.equal(true);
  });
});

forEachDatabase('player commands on an empty database', (database) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database, plugins: [...ALL_PLUGINS], importPaths: [] });
  });
  after(async () => bot?.stop());

  for (const line of ['!top kills', '!top kd 30d', '!sessions', '!session']) {
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

  it('!top rounds changes with the next import and !top kills then equals truth.json', async () => {
    const before = descriptionLines(await bot.run('!top rounds'));
    await bot.run('!top rounds'); // cached now
    await bot.importer.importFile(held, { source: 'test' });
    const after = descriptionLines(await bot.run('!top rounds'));
    expect(after).to.not.deep.equal(before);
    // The all-time board after the import: truth.json sorted by kills (ties by name).
    const lower = (x: string) => x.toLowerCase();
    const sorted = [...truth.players].sort((a, b) => b.kills - a.kills || (lower(a.name) < lower(b.name) ? -1 : 1));
    const top = await bot.run('!top kills');
    const lines = [...descriptionLines(top), ...descriptionLines(await top.pagination!.goTo(1))];
    expect(lines.map((l) => l.replace(/^\d+\. /, ''))).to.deep.equal(sorted.map((p) => `${p.name} - ${p.kills} kills`));
  });
});
