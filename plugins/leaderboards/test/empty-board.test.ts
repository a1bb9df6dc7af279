import { expect } from 'chai';
import { createTestBot, type TestBot } from 'etbot/testing';
import { descriptionLines } from './helpers';

// By hand from the fixture files: the 2025-11-07 evening's files have 37 extended fields (no field
// 37, revives given), and nobody played 10 rounds that evening (9 round files, 15 players of whom
// one is the bot [BOT]Bolt, left out: 14 people).
describe('an empty leaderboard says why', function () {
  this.timeout(120_000);
  let bot: TestBot | undefined;
  before(async () => {
    bot = await createTestBot({ plugins: ['leaderboards'] });
  });
  after(async () => bot?.stop());

  it('names the field older server scripts did not write', async () => {
    expect(descriptionLines(await bot!.run('!top revives 2025-11-07'))).to.deep.equal([
      'The stats files in this window carry no revives field: older server scripts did not write it.',
    ]);
  });

  it('says how many played fewer rounds than the minimum', async () => {
    expect(descriptionLines(await bot!.run('!top kd 2025-11-07'))).to.deep.equal(['Nobody has played 10 rounds in this window yet (14 players played fewer).']);
  });

  it('says nobody played when nobody did', async () => {
    expect(descriptionLines(await bot!.run('!top kills 2024-01-01..2024-01-31'))).to.deep.equal(['Nobody has played in this window yet.']);
  });
});

describe('an empty leaderboard when only bots played', function () {
  this.timeout(120_000);
  let bot: TestBot | undefined;
  before(async () => {
    // Every name is a bot's by this pattern.
    bot = await createTestBot({ plugins: ['leaderboards'], config: { players: { botNamePattern: '.' } } });
  });
  after(async () => bot?.stop());

  it('says bots are left out', async () => {
    expect(descriptionLines(await bot!.run('!top kills'))).to.deep.equal(['Only bots played in this window, and bots are left out of rankings.']);
  });
});
