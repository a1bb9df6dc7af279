import { expect } from 'chai';
import { createTestBot, replyText, type TestBot } from 'etbot/testing';

describe('!help', function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ plugins: ['help', 'stats', 'admin'], fixtures: false });
  });
  after(async () => bot?.stop());

  it('lists the commands by category, admin commands for admins only', async () => {
    const text = await bot.text('!help');
    expect(text).to.contain('general: `!help` List the commands, or show how to use one');
    expect(text).to.contain("stats: `!stats` A player's totals");
    expect(text).to.contain('!help <command> shows how to use one');
    expect(text).to.not.contain('`!plugins`');
    expect(await bot.text('!help', { admin: true })).to.contain('`!plugins`');
  });

  it('shows how to use one command, named with or without the prefix, by name or alias', async () => {
    const text = await bot.text('!help !player');
    expect(text.split('\n')).to.include.members([
      '!stats',
      'Usage: `!stats [player]`',
      'Aliases: `!player`',
      'player (optional): Name, part of a name, GUID or @user; default: you (linked)',
      'plugin: stats',
    ]);
    expect(await bot.text('!help stats')).to.equal(text);
  });

  it('says when there is no such command', async () => {
    const reply = await bot.run('!help nothing-like-this');
    expect(reply.isError).to.equal(true);
    expect(replyText(reply)).to.contain("no command 'nothing-like-this'");
  });
});
