import { expect } from 'chai';
import { createServiceToken, definePlugin, QueryServices, type PluginDefinition } from '../../core/plugin-api';
import { createTestBot, type TestBot } from '../../core/testing';

interface Greeter {
  greet(name: string): string;
  readonly instance: number;
}
const GreeterService = createServiceToken<Greeter>('test.greeter');
const MissingService = createServiceToken<unknown>('test.nobody-provides-this');

let instances = 0;
const provider = definePlugin({
  manifest: { id: 'greeter', version: '1.0.0', apiVersion: '^2.0.0' },
  register(api) {
    const instance = ++instances;
    api.provide(GreeterService, { instance, greet: (name) => `hello ${name} (#${instance})` });
  },
});

const consumer = definePlugin({
  manifest: { id: 'greets', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['greeter'] },
  register(api) {
    const greeter = api.services.get(GreeterService);
    api.command({ name: 'greet', description: 'Greets', run: () => ({ text: greeter.greet('you') }) });
  },
});

const optionalConsumer = definePlugin({
  manifest: { id: 'maybe-greets', version: '1.0.0', apiVersion: '^2.0.0', optionalDependsOn: ['greeter'] },
  register(api) {
    const greeter = api.services.getOptional(GreeterService);
    api.command({ name: 'maybe', description: 'Greets if it can', run: () => ({ text: greeter ? greeter.greet('maybe') : 'no greeter' }) });
  },
});

const undeclared = definePlugin({
  manifest: { id: 'sneaky', version: '1.0.0', apiVersion: '^2.0.0' },
  register(api) {
    api.services.get(GreeterService);
  },
});

const stateOf = (bot: TestBot, id: string) => {
  const s = bot.app.plugins.list().find((p) => p.id === id)!;
  return { state: s.state, error: s.error };
};

describe('plugins that provide services to other plugins', () => {
  let bot: TestBot;
  afterEach(async () => bot?.stop());

  it("a dependant gets the provider's service; the provider lists it", async () => {
    bot = await createTestBot({ plugins: [consumer, provider], fixtures: false });
    expect(await bot.text('!greet')).to.match(/^hello you \(#\d+\)$/);
    expect(bot.app.plugins.list().find((p) => p.id === 'greeter')!.provides).to.deep.equal(['test.greeter']);
  });

  it('a plugin that does not name the provider as a dependency is refused the service, with both named', async () => {
    bot = await createTestBot({ plugins: [provider, undeclared], fixtures: false });
    expect(stateOf(bot, 'sneaky')).to.deep.equal({
      state: 'failed',
      error:
        "plugin 'sneaky' failed to register: service 'test.greeter' is provided by plugin 'greeter', which plugin 'sneaky' does not name in dependsOn or optionalDependsOn",
    });
    expect(stateOf(bot, 'greeter').state).to.equal('enabled');
  });

  it('disabling the provider disables the dependant with a clear message; enabling it brings both back with a fresh service', async () => {
    bot = await createTestBot({ plugins: [provider, consumer], fixtures: false });
    const first = await bot.text('!greet');
    const off = await bot.app.plugins.disable('greeter');
    expect(off.dependants).to.deep.equal(["greets: disabled until it can load again (plugin 'greets' depends on 'greeter', which is disabled)"]);
    expect(stateOf(bot, 'greets')).to.deep.equal({ state: 'disabled', error: "plugin 'greets' depends on 'greeter', which is disabled" });
    expect(bot.commands()).to.not.include('greet');
    const on = await bot.app.plugins.enable('greeter');
    expect(on.dependants).to.deep.equal(['greets: enabled again']);
    const second = await bot.text('!greet');
    expect(second).to.match(/^hello you/);
    expect(second).to.not.equal(first);
  });

  it('reloading the provider reloads its dependants, so none keeps the old service', async () => {
    bot = await createTestBot({ plugins: [provider, consumer, optionalConsumer], fixtures: false });
    const before = await bot.text('!greet');
    const { dependants } = await bot.app.plugins.reload('greeter');
    expect(dependants).to.have.members(['greets: reloaded', 'maybe-greets: reloaded']);
    const after = await bot.text('!greet');
    expect(after).to.not.equal(before);
    expect(await bot.text('!maybe')).to.equal(after.replace('you', 'maybe'));
  });

  it('an optional dependant loads without the provider and is reloaded when the provider comes and goes', async () => {
    bot = await createTestBot({ plugins: [optionalConsumer, { definition: provider, enabled: false }], fixtures: false });
    expect(await bot.text('!maybe')).to.equal('no greeter');
    const on = await bot.app.plugins.enable('greeter');
    expect(on.dependants).to.deep.equal(['maybe-greets: reloaded']);
    expect(await bot.text('!maybe')).to.match(/^hello maybe/);
    await bot.app.plugins.disable('greeter');
    expect(await bot.text('!maybe')).to.equal('no greeter');
    expect(stateOf(bot, 'maybe-greets').state).to.equal('enabled');
  });

  it('a dependant that could not start because its provider was disabled comes up when the provider is enabled', async () => {
    bot = await createTestBot({ plugins: [consumer, { definition: provider, enabled: false }], fixtures: false });
    expect(stateOf(bot, 'greets')).to.deep.equal({ state: 'failed', error: "plugin 'greets' depends on 'greeter', which is not enabled" });
    const on = await bot.app.plugins.enable('greeter');
    expect(on.dependants).to.deep.equal(['greets: enabled again']);
    expect(await bot.text('!greet')).to.match(/^hello you/);
  });

  it('a provider that fails to load fails its dependants at start, naming it', async () => {
    const broken: PluginDefinition = {
      ...provider,
      register: () => {
        throw new Error('no greeting today');
      },
    };
    bot = await createTestBot({ plugins: [broken, consumer], fixtures: false });
    expect(stateOf(bot, 'greets')).to.deep.equal({
      state: 'failed',
      error: "plugin 'greets' depends on 'greeter', which is failed: plugin 'greeter' failed to register: no greeting today",
    });
  });
});

describe('plugins that declare the core services they require', () => {
  let bot: TestBot;
  afterEach(async () => bot?.stop());

  it('a missing required service stops only that plugin, with the service named; present ones pass', async () => {
    const needy = definePlugin({
      manifest: { id: 'needy', version: '1.0.0', apiVersion: '^2.0.0' },
      requires: [QueryServices.PlayerStats, MissingService],
      register: () => undefined,
    });
    const content = definePlugin({
      manifest: { id: 'content', version: '1.0.0', apiVersion: '^2.0.0' },
      requires: [QueryServices.PlayerStats],
      register: (api) => void api.command({ name: 'fine', description: 'Fine', run: () => ({ text: 'fine' }) }),
    });
    bot = await createTestBot({ plugins: [needy, content], fixtures: false });
    expect(stateOf(bot, 'needy')).to.deep.equal({
      state: 'failed',
      error:
        "plugin 'needy' requires 'test.nobody-provides-this', which is not available (not provided by a plugin it depends on, nor by a running core module)",
    });
    expect(await bot.text('!fine')).to.equal('fine');
  });
});

describe("a plugin's storage", () => {
  let bot: TestBot;
  afterEach(async () => bot?.stop());

  it('runs SQL on tables the plugin made, and refuses SQL that names a core table', async () => {
    const notes = definePlugin({
      manifest: { id: 'notes', version: '1.0.0', apiVersion: '^2.0.0' },
      register(api) {
        api.command({
          name: 'notes',
          description: 'Notes',
          async run() {
            await api.storage.transaction(async (sql) => {
              await sql.run('CREATE TABLE IF NOT EXISTS notes_test (id INTEGER PRIMARY KEY, rounds INTEGER)');
              await sql.run('INSERT INTO notes_test (id, rounds) VALUES (1, 2)');
            });
            const own = await api.storage.read((sql) => sql.one<{ rounds: number }>('SELECT rounds FROM notes_test'));
            const core = await api.storage
              .read((sql) => sql.all('SELECT guid FROM players'))
              .then(
                () => 'read players',
                (err: Error) => err.message,
              );
            return { text: `${Number(own?.rounds)} | ${core}` };
          },
        });
      },
    });
    bot = await createTestBot({ plugins: [notes], fixtures: false });
    expect(await bot.text('!notes')).to.equal(
      "2 | plugin 'notes' may not use the core table 'players' in SQL: read core data through the query services (see PLUGINS.md)",
    );
  });
});
