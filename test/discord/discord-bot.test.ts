import { expect } from 'chai';
import { once } from 'node:events';
import { allTestCommands } from './test-commands';
import { ListPlayerIndex, startHarness, TOKEN, type Harness } from './harness';
import type { RecordedRequest } from '../fake-discord';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const EPHEMERAL = 64;

describe('Discord transport (real discord.js + Sapphire against the fake Discord)', function () {
  let h: Harness;

  before(async () => {
    h = await startHarness({ commands: allTestCommands, playerIndex: new ListPlayerIndex(['alpha', 'Alfred', 'bravo', 'alex*star']) });
  });

  after(async () => {
    await h?.stop();
  });

  const world = () => h.fake.world;
  const buttons = (req: RecordedRequest) => (req.body.components?.[0]?.components ?? []) as { custom_id: string; label: string; disabled?: boolean }[];

  describe('slash registration', () => {
    it('writes every command in ONE bulk overwrite to the configured guild, none globally', () => {
      const puts = h.fake.requests.filter((r) => r.method === 'PUT');
      expect(puts).to.have.length(1);
      expect(puts[0]!.path).to.equal(`/applications/${world().applicationId}/guilds/${world().guildId}/commands`);
      expect(puts[0]!.body.map((c: { name: string }) => c.name).sort()).to.deep.equal([
        'add',
        'badembed',
        'boom',
        'card',
        'chart',
        'echo',
        'pages',
        'secret',
        'shortpages',
        'slowboom',
        'whois',
      ]);
    });

    it('types the options: string, player with autocomplete, user, integer/number with bounds, choices, date', () => {
      const body = h.fake.commands.get(world().guildId)!;
      const byName = (name: string) => body.find((c) => c.name === name);
      expect(byName('echo').options).to.deep.equal([{ name: 'text', description: 'What to repeat', required: true, type: 3, max_length: 200 }]);
      expect(byName('card').options[0]).to.include({ name: 'player', type: 3, autocomplete: true, required: true });
      expect(byName('whois').options[0]).to.include({ name: 'user', type: 6, required: true });
      const [a, b, mode, day] = byName('add').options;
      expect(a).to.include({ name: 'a', type: 4, min_value: 0, max_value: 100, required: true });
      expect(b).to.include({ name: 'b', type: 10, required: true });
      expect(mode).to.deep.include({
        name: 'mode',
        type: 3,
        required: false,
        choices: [
          { name: 'Plain', value: 'plain' },
          { name: 'Fancy', value: 'fancy' },
        ],
      });
      expect(day).to.include({ name: 'day', type: 3, min_length: 10, max_length: 10 });
    });
  });

  describe('prefix and slash commands', () => {
    it('answers `!echo` in the channel, replying to the message, pinging nobody', async () => {
      const sent = h.fake.sendUserMessage('!echo hello there');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.content).to.equal('You said: hello there');
      expect(post.body.message_reference.message_id).to.equal(sent.id);
      expect(post.body.allowed_mentions.parse).to.deep.equal([]);
    });

    it('answers an alias and an upper-case name the same way', async () => {
      h.fake.sendUserMessage('!SAY hi');
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('You said: hi');
    });

    it('answers `/echo` through the interaction callback', async () => {
      const i = h.fake.sendSlashCommand('echo', [{ name: 'text', type: 3, value: 'hello slash' }]);
      const callback = await h.fake.waitForCallback(i);
      expect(callback.body.type).to.equal(4);
      expect(callback.body.data.content).to.equal('You said: hello slash');
      expect(callback.body.data.allowed_mentions.parse).to.deep.equal([]);
    });

    it('shows @everyone, ** and a backtick literally and pings nobody (prefix and slash)', async () => {
      h.fake.sendUserMessage('!echo @everyone **bold** `tick`');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.content).to.equal('You said: @everyone \\*\\*bold\\*\\* \\`tick\\`');
      expect(post.body.allowed_mentions).to.deep.equal({ parse: [], replied_user: false });

      const i = h.fake.sendSlashCommand('echo', [{ name: 'text', type: 3, value: '@here __x__ `y`' }]);
      const callback = await h.fake.waitForCallback(i);
      expect(callback.body.data.content).to.equal('You said: @here \\_\\_x\\_\\_ \\`y\\`');
      expect(callback.body.data.allowed_mentions).to.deep.equal({ parse: [], replied_user: false });
    });

    it('renders an embed with colour, fields, numbers and footer', async () => {
      h.fake.sendUserMessage('!card Big*Bad Wolf');
      const post = await h.fake.waitForChannelMessage();
      const [embed] = post.body.embeds;
      expect(embed.title).to.equal('Big\\*Bad Wolf');
      expect(embed.color).to.equal(0x3b82f6);
      expect(embed.fields).to.deep.equal([
        { name: 'Kills', value: '42', inline: true },
        { name: 'Deaths', value: '12', inline: true },
        { name: 'K/D', value: '3.50', inline: true },
      ]);
      expect(embed.footer).to.deep.equal({ text: 'etbot test card' });
    });

    it('passes typed slash options: integer, number, choice, date and a user', async () => {
      const i = h.fake.sendSlashCommand('add', [
        { name: 'a', type: 4, value: 40 },
        { name: 'b', type: 10, value: 2.5 },
        { name: 'mode', type: 3, value: 'fancy' },
        { name: 'day', type: 3, value: '2024-02-29' },
      ]);
      expect((await h.fake.waitForCallback(i)).body.data.content).to.equal('= 42.5 on 2024-02-29');
      const bob = world().users.bob;
      const w = h.fake.sendSlashCommand('whois', [{ name: 'user', type: 6, value: bob.id }]);
      expect((await h.fake.waitForCallback(w)).body.data.content).to.equal(`user id ${bob.id}`);
      h.fake.sendUserMessage(`!whois <@${bob.id}>`);
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal(`user id ${bob.id}`);
    });

    it('explains bad arguments with the usage line', async () => {
      h.fake.sendUserMessage('!add many 2');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.content).to.equal("a must be a whole number, got 'many'\nUsage: `!add <a> <b> [plain|fancy] [day]`");
    });
  });

  describe('slow commands and images', () => {
    it('defers `/chart`, then edits the reply with the PNG and the embed image reference', async () => {
      const i = h.fake.sendSlashCommand('chart');
      expect((await h.fake.waitForCallback(i)).body.type).to.equal(5);
      const edit = await h.fake.waitForOriginalEdit(i);
      expect(edit.files).to.have.length(1);
      expect(edit.files[0]!.name).to.equal('chart.png');
      expect([...edit.files[0]!.data.subarray(0, 8)]).to.deep.equal(PNG_SIGNATURE);
      expect(edit.body.embeds[0].image.url).to.equal('attachment://chart.png');
      expect(edit.body.allowed_mentions.parse).to.deep.equal([]);
    });

    it('shows typing for `!chart` and posts the PNG', async () => {
      h.fake.sendUserMessage('!chart');
      await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${world().channelId}/typing`);
      const post = await h.fake.waitForChannelMessage();
      expect([...post.files[0]!.data.subarray(0, 8)]).to.deep.equal(PNG_SIGNATURE);
      expect(post.files[0]!.field).to.equal('files[0]');
      expect(post.body.attachments.map((a: { id: string }) => a.id)).to.deep.equal(['0']);
      expect(post.response.attachments[0].filename).to.equal('chart.png');
    });
  });

  describe('pagination', () => {
    it('pages forward and back with the buttons of a prefix reply', async () => {
      h.fake.sendUserMessage('!pages');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.embeds[0].title).to.equal('Page 1');
      const [prev, label, next] = buttons(post);
      expect(prev!.disabled).to.equal(true);
      expect(label!.label).to.equal('1 / 3');
      expect(next!.disabled).to.equal(false);
      const messageId = post.response.id as string;

      const press1 = h.fake.pressButton(messageId, next!.custom_id);
      expect((await h.fake.waitForCallback(press1)).body.type).to.equal(6);
      const page2 = await h.fake.waitForOriginalEdit(press1);
      expect(page2.body.embeds[0].title).to.equal('Page 2');
      const [prev2, label2] = buttons(page2);
      expect(label2!.label).to.equal('2 / 3');
      expect(prev2!.disabled).to.equal(false);

      const press2 = h.fake.pressButton(messageId, prev2!.custom_id);
      const page1 = await h.fake.waitForOriginalEdit(press2);
      expect(page1.body.embeds[0].title).to.equal('Page 1');
      expect(h.fake.message(messageId)!.embeds[0].title).to.equal('Page 1');
    });

    it("refuses another user's press with an ephemeral message and leaves the page alone", async () => {
      h.fake.sendUserMessage('!pages');
      const post = await h.fake.waitForChannelMessage();
      const messageId = post.response.id as string;
      const press = h.fake.pressButton(messageId, buttons(post)[2]!.custom_id, { user: world().users.bob });
      const callback = await h.fake.waitForCallback(press);
      expect(callback.body.type).to.equal(4);
      expect(callback.body.data.flags).to.equal(EPHEMERAL);
      expect(callback.body.data.content).to.equal('Only alice can turn these pages; run the command yourself to browse.');
      expect(h.fake.message(messageId)!.embeds[0].title).to.equal('Page 1');
    });

    it('pages a slash reply and removes the buttons when they time out', async () => {
      const i = h.fake.sendSlashCommand('shortpages');
      const callback = await h.fake.waitForCallback(i);
      expect(buttons({ ...callback, body: callback.body.data })).to.have.length(3);
      const messageId = h.fake.originalMessage(i)!.id;
      const press = h.fake.pressButton(messageId, buttons({ ...callback, body: callback.body.data })[2]!.custom_id);
      expect((await h.fake.waitForOriginalEdit(press)).body.embeds[0].title).to.equal('Page 2');
      const removal = await h.fake.waitForOriginalEdit(i);
      expect(removal.body.components).to.deep.equal([]);
      expect(h.fake.originalMessage(i)!.components).to.deep.equal([]);
      const late = h.fake.pressButton(messageId, 'etbot-page:gone:0');
      const expired = await h.fake.waitForCallback(late);
      expect(expired.body.data.flags).to.equal(EPHEMERAL);
      expect(expired.body.data.content).to.contain('expired');
    });

    it('removes the buttons of a prefix reply when they time out', async () => {
      h.fake.sendUserMessage('!shortpages');
      const post = await h.fake.waitForChannelMessage();
      const id = post.response.id as string;
      const removal = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${world().channelId}/messages/${id}`);
      expect(removal.body.components).to.deep.equal([]);
      expect(removal.body.allowed_mentions.parse).to.deep.equal([]);
      expect(h.fake.message(id)!.embeds[0].title).to.equal('Page 1');
    });
  });

  describe('admin-only commands', () => {
    it('refuses a normal user', async () => {
      h.fake.sendUserMessage('!secret');
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('`!secret` is for admins only.');
      const i = h.fake.sendSlashCommand('secret');
      const callback = await h.fake.waitForCallback(i);
      expect(callback.body.data.content).to.equal('`!secret` is for admins only.');
      expect(callback.body.data.flags).to.equal(EPHEMERAL);
    });

    it('runs for an admin by user id', async () => {
      h.fake.sendUserMessage('!secret', { user: world().users.admin });
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('admin stuff done for carol');
    });

    it('runs for a user with an admin role, by prefix and by slash', async () => {
      h.fake.sendUserMessage('!secret', { user: world().users.bob, roleIds: [world().roles.admin] });
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('admin stuff done for bob');
      const i = h.fake.sendSlashCommand('secret', [], { user: world().users.bob, roleIds: [world().roles.member, world().roles.admin] });
      expect((await h.fake.waitForCallback(i)).body.data.content).to.equal('admin stuff done for bob');
    });
  });

  describe('autocomplete', () => {
    it('suggests players from the player index', async () => {
      const i = h.fake.sendAutocomplete('card', [{ name: 'player', type: 3, value: 'al', focused: true }]);
      const callback = await h.fake.waitForCallback(i);
      expect(callback.body.type).to.equal(8);
      expect(callback.body.data.choices).to.deep.equal([
        { name: 'alpha', value: 'alpha' },
        { name: 'Alfred', value: 'Alfred' },
        { name: 'alex*star', value: 'alex*star' },
      ]);
    });

    it('filters choice options as the user types', async () => {
      const i = h.fake.sendAutocomplete('add', [{ name: 'mode', type: 3, value: 'fan', focused: true }]);
      expect((await h.fake.waitForCallback(i)).body.data.choices).to.deep.equal([{ name: 'Fancy', value: 'fancy' }]);
    });
  });

  describe('errors', () => {
    it('gives a friendly message for a throwing command, logs the stack, and answers the next command', async () => {
      h.fake.sendUserMessage('!boom');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.content).to.equal('Sorry, `!boom` failed. The error was logged for the admins.');
      expect(post.body.content).not.to.contain('kaboom');
      const logged = h.logs.find((line) => line.includes('kaboom: internal detail'));
      expect(logged, 'the error is logged').to.be.a('string');
      expect(JSON.parse(logged!).err.stack).to.contain('test-commands');

      const i = h.fake.sendSlashCommand('boom');
      const callback = await h.fake.waitForCallback(i);
      expect(callback.body.data.flags).to.equal(EPHEMERAL);
      expect(callback.body.data.content).to.equal('Sorry, `!boom` failed. The error was logged for the admins.');

      h.fake.sendUserMessage('!echo still here');
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('You said: still here');
    });

    it('answers a failed slow slash command privately: the public "thinking" message goes, an ephemeral follow-up comes', async () => {
      const i = h.fake.sendSlashCommand('slowboom');
      expect((await h.fake.waitForCallback(i)).body.type).to.equal(5);
      await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `/webhooks/${world().applicationId}/${i.token}/messages/@original`);
      const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${world().applicationId}/${i.token}`);
      expect(followUp.body.flags).to.equal(EPHEMERAL);
      expect(followUp.body.content).to.equal('Sorry, `!slowboom` failed. The error was logged for the admins.');
      expect(followUp.body.allowed_mentions.parse).to.deep.equal([]);
    });

    it('answers with a friendly message when the transport itself cannot send a reply, and keeps running', async () => {
      h.fake.sendUserMessage('!badembed');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.content).to.equal('Sorry, something went wrong while answering. The error was logged for the admins.');
      expect(post.body.allowed_mentions.parse).to.deep.equal([]);
      const i = h.fake.sendSlashCommand('badembed');
      const callback = await h.fake.waitForCallback(i);
      expect(callback.body.data.flags).to.equal(EPHEMERAL);
      expect(callback.body.data.content).to.equal('Sorry, something went wrong while answering. The error was logged for the admins.');
      expect(h.logs.some((line) => line.includes('interaction failed') && line.includes('"stack"'))).to.equal(true);
      const next = h.fake.sendSlashCommand('echo', [{ name: 'text', type: 3, value: 'fine' }]);
      expect((await h.fake.waitForCallback(next)).body.data.content).to.equal('You said: fine');
    });

    it('suggests the closest command for a typo and ignores unrelated words', async () => {
      h.fake.sendUserMessage('!zzzzzzzzzz');
      h.fake.sendUserMessage('!echoo hi');
      const post = await h.fake.waitForChannelMessage();
      expect(post.body.content).to.equal('Unknown command `!echoo`. Did you mean `!echo`? Try `!help`.');
    });
  });

  describe('gateway drops', () => {
    it('resumes after the socket is dropped and answers a command sent meanwhile', async () => {
      const resumes = h.fake.gateway.resumeCount;
      const resumed = once(h.fake.gateway, 'resume');
      h.fake.gateway.drop();
      h.fake.sendUserMessage('!echo while you were away');
      await resumed;
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('You said: while you were away');
      expect(h.fake.gateway.resumeCount).to.equal(resumes + 1);
    });

    it('identifies again when the session cannot be resumed, and answers commands after', async () => {
      const identifies = h.fake.gateway.identifyCount;
      const identified = once(h.fake.gateway, 'ready');
      h.fake.gateway.forgetSession();
      h.fake.gateway.drop();
      await identified;
      expect(h.fake.gateway.identifyCount).to.equal(identifies + 1);
      const i = h.fake.sendSlashCommand('echo', [{ name: 'text', type: 3, value: 'back again' }]);
      expect((await h.fake.waitForCallback(i)).body.data.content).to.equal('You said: back again');
      h.fake.sendUserMessage('!echo prefix too');
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('You said: prefix too');
    });
  });

  describe('posting to a channel', () => {
    it('posts a reply (announcements) with no mentions parsed', async () => {
      await h.bot.postToChannel(world().otherChannelId, { text: 'new record @everyone', embeds: [{ title: 'Record', color: 0x22c55e }] });
      const post = await h.fake.waitForChannelMessage(world().otherChannelId);
      expect(post.body.content).to.equal('new record @everyone');
      expect(post.body.embeds[0]).to.deep.include({ title: 'Record', color: 0x22c55e });
      expect(post.body.allowed_mentions.parse).to.deep.equal([]);
    });
  });

  describe('secrets', () => {
    it('never writes the token to the log, and sends it only as authorization', () => {
      expect(h.logs.length).to.be.greaterThan(0);
      expect(h.logs.join('\n')).not.to.contain(TOKEN);
      expect(h.fake.requests.filter((r) => r.path === '/gateway/bot').every((r) => r.authorized)).to.equal(true);
    });
  });
});
