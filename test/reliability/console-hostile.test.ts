import { expect } from 'chai';
import os from 'node:os';
import { renderReply } from '../../core/transports/console/render-reply';
import { handWrittenRound } from '../discord-e2e/round-file';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';
import { hand, HOSTILE_ARGUMENTS, HOSTILE_NAMES } from './hostile-input';

forEachDatabase('reliability: hostile input through the console runner', (db) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database: db, plugins: ['stats', 'leaderboards', 'compare'] });
    const players = HOSTILE_NAMES.map((n, i) => hand(`ABCD${String(i).padStart(4, '0')}`, n, 11 + i));
    const round = handWrittenRound(new Date(Date.UTC(2025, 0, 4, 20, 0, 0)), 'supply', players);
    expect((await bot.importer.importContent(round.name, round.content, { source: 'test' })).status).to.equal('imported');
  });
  after(async () => bot?.stop());

  const shown = async (line: string): Promise<string> => renderReply(await bot.run(line, undefined, 'console'), os.tmpdir()).text;

  it('hostile arguments: a reply for each, never an SQL error or a stack, and the runner keeps answering', async () => {
    for (const arg of HOSTILE_ARGUMENTS) {
      for (const command of ['stats', 'top', 'compare']) {
        const text = await shown(`!${command} ${arg}`);
        expect(text, `${command} ${arg.slice(0, 30)}`)
          .to.be.a('string')
          .and.not.equal('');
        expect(text).to.not.match(/QueryFailedError|SQLITE_|syntax error|near "|\n\s+at \w/i);
      }
    }
    expect(await shown('!stats Snake')).to.include('Snake');
  });

  it('each hostile name finds exactly that player, shown literally', async () => {
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const text = await shown(`!stats ${name}`);
      expect(text, name).to.include(name);
      expect(text, name).to.match(new RegExp(`\\b${11 + i} kills\\b`));
      for (const [j] of HOSTILE_NAMES.entries()) if (j !== i) expect(text, name).to.not.match(new RegExp(`\\b${11 + j} kills\\b`));
    }
  });
});
