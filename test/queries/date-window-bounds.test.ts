import { expect } from 'chai';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';

forEachDatabase('queries: date windows up to 9999-12-31', (db) => {
  let bot: FixtureBot;
  before(async () => {
    bot = await createFixtureBot({ database: db, plugins: ['leaderboards'] });
  });
  after(async () => bot?.stop());

  it('`!top kills 2024-01-01..9999-12-31` ranks everyone who played, as the all-time board does', async () => {
    const allTime = await bot.text('!top kills');
    const ranged = await bot.text('!top kills 2024-01-01..9999-12-31');
    const entries = (text: string) => text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(entries(ranged)).to.have.length.greaterThan(0);
    expect(entries(ranged)).to.deep.equal(entries(allTime));
    expect(entries(await bot.text('!top kills 9999-12-31'))).to.deep.equal([]);
  });

  it('invalid dates (2025-02-30, 10000-01-01) are refused with the usage line', async () => {
    for (const window of ['2025-02-30', '10000-01-01', '2024-01-01..10000-01-01', '2025-01-01..2025-13-01']) {
      const reply = await bot.run(`!top kills ${window}`);
      expect(reply.isError, window).to.equal(true);
      expect(reply.text, window).to.include('Usage: `!top');
    }
  });
});
