import { expect } from 'chai';
import { AttachmentBuilder, Client, Events, GatewayIntentBits, type Message } from 'discord.js';
import { once } from 'node:events';
import { FakeDiscord } from './index';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('fake Discord with a plain discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;

  before(async () => {
    fake = new FakeDiscord();
    await fake.start();
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: fake.apiUrl },
    });
    const ready = once(client, Events.ClientReady);
    await client.login('fake-token');
    await ready;
  });

  after(async () => {
    await client.destroy();
    await fake.stop();
  });

  it('logs in through /gateway/bot and sees the guild, its channel and the bot member', async () => {
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).to.equal(true);
    expect(client.user?.id).to.equal(fake.world.bot.id);
    expect(client.application?.id).to.equal(fake.world.applicationId);
    const guild = client.guilds.cache.get(fake.world.guildId)!;
    expect(guild.channels.cache.has(fake.world.channelId)).to.equal(true);
    expect(guild.members.me?.id).to.equal(fake.world.bot.id);
    expect(fake.gateway.lastIntents).to.equal(1 | 512 | 32768);
  });

  it('delivers MESSAGE_CREATE and records a multipart message with payload_json and file bytes', async () => {
    const received = once(client, Events.MessageCreate) as Promise<[Message]>;
    fake.sendUserMessage('hello bot');
    const [message] = await received;
    expect(message.content).to.equal('hello bot');
    await message.reply({ content: 'with file', files: [new AttachmentBuilder(PNG, { name: 'x.png' })], allowedMentions: { parse: [] } });
    const posted = await fake.waitForChannelMessage();
    expect(posted.body.content).to.equal('with file');
    expect(posted.body.allowed_mentions).to.deep.equal({ parse: [] });
    expect(posted.files).to.have.length(1);
    expect(posted.files[0]!.name).to.equal('x.png');
    expect([...posted.files[0]!.data]).to.deep.equal([...PNG]);
  });

  it('writes application commands with a bulk overwrite and serves them back', async () => {
    await client.application!.commands.set([{ name: 'echo', description: 'Echo' }], fake.world.guildId);
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).to.equal(`/applications/${fake.world.applicationId}/guilds/${fake.world.guildId}/commands`);
    const fetched = await client.application!.commands.fetch({ guildId: fake.world.guildId });
    expect([...fetched.values()].map((c) => c.name)).to.deep.equal(['echo']);
  });

  it('answers interaction callbacks with 204 and serves @original edits', async () => {
    const seen = once(client, Events.InteractionCreate);
    const handle = fake.sendSlashCommand('echo', [{ name: 'text', type: 3, value: 'hi' }]);
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.options.getString('text')).to.equal('hi');
    await interaction.deferReply();
    expect((await fake.waitForCallback(handle)).body.type).to.equal(5);
    await interaction.editReply({ content: 'done' });
    const edit = await fake.waitForOriginalEdit(handle);
    expect(edit.body.content).to.equal('done');
    expect(fake.originalMessage(handle)?.content).to.equal('done');
  });

  it('lets the client resume after the socket is dropped, replaying missed events', async () => {
    const resumesBefore = fake.gateway.resumeCount;
    const resumed = once(client, Events.ShardResume);
    fake.gateway.drop();
    const received = once(client, Events.MessageCreate) as Promise<[Message]>;
    fake.sendUserMessage('sent while away');
    await resumed;
    const [message] = await received;
    expect(message.content).to.equal('sent while away');
    expect(fake.gateway.resumeCount).to.equal(resumesBefore + 1);
  });
});
