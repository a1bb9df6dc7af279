import { expect } from 'chai';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { App } from '../../core/app/app';
import type { CoreModule } from '../../core/app/module';
import { createLogger } from '../../core/logging/create-logger';
import { defineCommand, type CommandDefinition } from '../../core/plugin-api/commands';
import { discordModule } from '../../core/transports/discord/discord-module';
import { PlayerIndexToken } from '../../core/transports/discord/player-index';
import { FakeDiscord } from '../fake-discord';
import { startTestApp } from '../support/test-app';
import { echo } from './test-commands';
import { ListPlayerIndex, startHarness, TOKEN, type Harness } from './harness';

const names = (body: { name: string }[]) => body.map((c) => c.name).sort();

describe('Discord transport: registration and module', function () {
  describe('global registration, changes and channel rules', () => {
    let h: Harness;
    const ranked = defineCommand({ name: 'ranked', category: 'ranked', description: 'Only in the ranked channel', run: () => ({ text: 'ranked ok' }) });

    before(async () => {
      h = await startHarness({
        commands: [echo, ranked] as unknown as CommandDefinition[],
        discord: (world) => ({ guildId: undefined, categoryChannels: { ranked: [world.otherChannelId] } }),
      });
    });

    after(async () => {
      await h?.stop();
    });

    it('registers globally in one bulk overwrite when no guild is configured', async () => {
      const put = await h.fake.waitForRequest((r) => r.method === 'PUT');
      expect(put.path).to.equal(`/applications/${h.fake.world.applicationId}/commands`);
      expect(names(put.body)).to.deep.equal(['echo', 'ranked']);
      expect(h.fake.requests.filter((r) => r.method === 'PUT')).to.have.length(1);
    });

    it('re-registers on commands.changed and serves a command added after login, by prefix and slash', async () => {
      const late = h.registry.register('late-plugin', { name: 'late', description: 'Added later', run: () => ({ text: 'late but here' }) });
      await h.events.emit('commands.changed', { reason: 'plugin late-plugin enabled' });
      const put = await h.fake.waitForRequest((r) => r.method === 'PUT', 10_000, 'a re-registration');
      expect(names(put.body)).to.deep.equal(['echo', 'late', 'ranked']);
      await h.bot.settled();
      h.fake.sendUserMessage('!late');
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal('late but here');
      const i = h.fake.sendSlashCommand('late');
      expect((await h.fake.waitForCallback(i)).body.data.content).to.equal('late but here');

      await late.dispose();
      await h.events.emit('commands.changed', { reason: 'plugin late-plugin disabled' });
      const removed = await h.fake.waitForRequest((r) => r.method === 'PUT', 10_000, 'a re-registration');
      expect(names(removed.body)).to.deep.equal(['echo', 'ranked']);
      await h.bot.settled();
      expect(h.bot.client.stores.get('commands').has('late')).to.equal(false);
    });

    it('keeps a category to its channels', async () => {
      h.fake.sendUserMessage('!ranked');
      expect((await h.fake.waitForChannelMessage()).body.content).to.equal(`\`!ranked\` works in <#${h.fake.world.otherChannelId}>.`);
      h.fake.sendUserMessage('!ranked', { channelId: h.fake.world.otherChannelId });
      expect((await h.fake.waitForChannelMessage(h.fake.world.otherChannelId)).body.content).to.equal('ranked ok');
    });
  });

  describe('the discord core module', () => {
    let fake: FakeDiscord;
    let app: App | null = null;
    const logs: string[] = [];
    const logger = createLogger({
      level: 'info',
      pretty: false,
      secrets: [TOKEN],
      destination: new Writable({
        write(chunk, _enc, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    });
    const plugin = { path: path.resolve(__dirname, 'plugins/ping-plugin.js'), enabled: true, options: {} };
    /** Stands in for the data layer: registers the player index the transport looks for. */
    const playerIndexModule: CoreModule = {
      name: 'test-player-index',
      register: (ctx) => {
        ctx.container.register(PlayerIndexToken.id, { useValue: new ListPlayerIndex(['Wolf', 'wombat', 'zed']) });
      },
    };

    before(async () => {
      fake = new FakeDiscord();
      await fake.start();
    });

    afterEach(async () => {
      await app?.stop();
      app = null;
    });

    after(async () => {
      await fake.stop();
    });

    it('says clearly that Discord is off without a token', async () => {
      app = await startTestApp({ plugins: [plugin], modules: [discordModule()], env: {}, logger });
      expect(logs.join('')).to.contain('Discord is off: DISCORD_TOKEN is not set');
      expect(fake.requests).to.have.length(0);
    });

    it('starts the bot with DISCORD_TOKEN and DISCORD_API_URL, registers the plugin commands once and answers them', async () => {
      app = await startTestApp({
        plugins: [plugin],
        modules: [playerIndexModule, discordModule()],
        env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.world.guildId },
        logger,
      });
      const put = await fake.waitForRequest((r) => r.method === 'PUT', 10_000, 'the slash registration');
      expect(put.path).to.equal(`/applications/${fake.world.applicationId}/guilds/${fake.world.guildId}/commands`);
      expect(names(put.body)).to.deep.equal(['lookup', 'ping']);
      expect(fake.requests.filter((r) => r.method === 'PUT')).to.have.length(1);

      fake.sendUserMessage('!ping');
      expect((await fake.waitForChannelMessage()).body.content).to.equal('pong');
      const auto = fake.sendAutocomplete('lookup', [{ name: 'player', type: 3, value: 'wo', focused: true }]);
      expect((await fake.waitForCallback(auto)).body.data.choices).to.deep.equal([
        { name: 'Wolf', value: 'Wolf' },
        { name: 'wombat', value: 'wombat' },
      ]);
      const i = fake.sendSlashCommand('lookup', [{ name: 'player', type: 3, value: 'Wolf' }]);
      expect((await fake.waitForCallback(i)).body.data.content).to.equal('found Wolf');
      expect(logs.join('')).not.to.contain(TOKEN);
    });

    it('logs a refused login clearly and keeps the app and its commands running', async () => {
      const strict = new FakeDiscord({ token: 'the-only-right-token' });
      await strict.start();
      try {
        app = await startTestApp({ plugins: [plugin], modules: [discordModule()], env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: strict.apiUrl }, logger });
        expect(logs.join('')).to.contain('Discord bot could not log in');
        expect(strict.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['GET /gateway/bot']);
        const reply = await app.runner.runLine('!ping', { caller: { id: 'console', name: 'console', roleIds: [], isAdmin: true }, transport: 'console' });
        expect(reply?.text).to.equal('pong');
        expect(logs.join('')).not.to.contain(TOKEN);
      } finally {
        await app?.stop();
        app = null;
        await strict.stop();
      }
    });
  });
});
