import { expect } from 'chai';
import { createTestBot, forEachDatabase, type TestBot } from 'etbot/testing';

const alice = { as: '500000000000000001', transport: 'discord' as const };
const bob = { as: '500000000000000002', transport: 'discord' as const };
const admin = { as: '500000000000000003', transport: 'discord' as const, admin: true };

forEachDatabase('!link and !unlink', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['link', 'stats'] });
  });
  after(async () => bot?.stop());

  it('links by name or GUID, and a GUID linked to someone else needs an admin', async () => {
    expect((await bot.run('!link slasher', alice)).text).to.equal('You are now linked to slasher (`B5F6FD48`).');
    expect((await bot.run('!link b5f6fd48', alice)).text).to.equal('You are already linked to slasher (`B5F6FD48`).');
    const taken = await bot.run('!link slasher', bob);
    expect(taken.isError).to.equal(true);
    expect(taken.text).to.equal('slasher (`B5F6FD48`) is linked to another Discord account. Ask an admin to move it (`!link @user B5F6FD48`).');
    expect((await bot.run('!link <@500000000000000002> B5F6FD48', bob)).text).to.equal('Only admins can link another account.');
    expect((await bot.run('!link <@500000000000000002> B5F6FD48', admin)).text).to.equal('<@500000000000000002> is now linked to slasher (`B5F6FD48`).');
    expect((await bot.run('!stats', alice)).text).to.match(/not linked/);
    expect((await bot.run('!stats', bob)).embeds![0]!.title).to.equal('Stats for slasher');
  });

  it('accepts a well-formed GUID not seen yet, and refuses an ambiguous name', async () => {
    expect((await bot.run('!link 0BADF00D', alice)).text).to.equal('You are now linked to GUID `0BADF00D` (not seen in any round yet).');
    expect((await bot.run('!link s', alice)).text).to.match(/^Several players match 's'/);
  });

  it('unlinks', async () => {
    expect((await bot.run('!unlink', bob)).text).to.equal('You are no longer linked to `B5F6FD48`.');
    expect((await bot.run('!unlink', bob)).text).to.equal('You had no linked player.');
    expect((await bot.run('!unlink <@500000000000000001>', bob)).text).to.match(/Only admins/);
    expect((await bot.run('!unlink <@500000000000000001>', admin)).text).to.equal('<@500000000000000001> is no longer linked to `0BADF00D`.');
  });

  it('on the console, asks for the Discord user first', async () => {
    const reply = await bot.run('!link slasher');
    expect(reply.isError).to.equal(true);
    expect(reply.text).to.contain('on the console, name the Discord user first');
  });
});

forEachDatabase('!link on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['link'], fixtures: false });
  });
  after(async () => bot?.stop());

  it('links a GUID, and asks for one when given a name', async () => {
    expect((await bot.run('!link 1A2B3C4D', alice)).text).to.equal('You are now linked to GUID `1A2B3C4D` (not seen in any round yet).');
    expect((await bot.run('!link snake', bob)).text).to.equal('No rounds imported yet. Link with your 8-character GUID instead.');
  });
});
