import { expect } from 'chai';
import { orderByDependencies, validatePluginDefinition } from '../../core/plugin-host/manifest';
import type { App } from '../../core/app/app';
import { entry, startTestApp } from '../support/test-app';
import type { Caller } from '../../core/plugin-api';

const admin: Caller = { id: 'console', name: 'console', roleIds: [], isAdmin: true };

describe('plugin manifests', () => {
  const register = () => undefined;

  it('rejects a definition without register()', () => {
    expect(() => validatePluginDefinition({ manifest: { id: 'a', version: '1.0.0', apiVersion: '^2.0.0' } }, 'plugin x')).to.throw(
      'plugin x: the plugin definition has no register(api) function',
    );
  });

  it('names the bad manifest key, its value and what was expected', () => {
    expect(() => validatePluginDefinition({ manifest: { id: 'Bad Id', version: '1.0.0', apiVersion: '^2.0.0' }, register }, 'plugin x')).to.throw(
      'plugin x: manifest.id is "Bad Id", expected lower-case letters, digits and dashes',
    );
    expect(() => validatePluginDefinition({ manifest: { id: 'a', version: 'one', apiVersion: '^2.0.0' }, register }, 'plugin x')).to.throw(
      'manifest.version is "one", expected a semver version such as 1.0.0',
    );
  });

  it('refuses an incompatible apiVersion naming both versions', () => {
    expect(() => validatePluginDefinition({ manifest: { id: 'a', version: '1.0.0', apiVersion: '^3.0.0' }, register }, 'plugin a')).to.throw(
      "plugin 'a' needs plugin API ^3.0.0, but this etbot provides plugin API 2.1.0",
    );
  });
});

describe('dependency order', () => {
  const m = (id: string, dependsOn?: Record<string, string> | string[], version = '1.0.0') => ({ id, version, apiVersion: '^2.0.0', dependsOn });

  it('puts every plugin after its dependencies', () => {
    const { order, problems } = orderByDependencies([m('c', ['b']), m('b', { a: '^1.0.0' }), m('a')]);
    expect(order).to.deep.equal(['a', 'b', 'c']);
    expect(problems.size).to.equal(0);
  });

  it('reports a missing dependency and whatever depends on it', () => {
    const { order, problems } = orderByDependencies([m('b', ['missing']), m('c', ['b']), m('d')]);
    expect(order).to.deep.equal(['d']);
    expect(problems.get('b')).to.equal("plugin 'b' depends on 'missing', which is not enabled");
    expect(problems.get('c')).to.match(/^plugin 'c' depends on 'b', which failed/);
  });

  it('reports a version mismatch and a cycle', () => {
    const mismatch = orderByDependencies([m('a', [], '2.0.0'), m('b', { a: '^1.0.0' })]);
    expect(mismatch.problems.get('b')).to.equal("plugin 'b' needs 'a' ^1.0.0, but 'a' is 2.0.0");
    const cycle = orderByDependencies([m('x', ['y']), m('y', ['x'])]);
    expect(cycle.order).to.deep.equal([]);
    expect([...cycle.problems.values()].join(' ')).to.contain('dependency cycle');
  });
});

describe('plugin host', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('loads plugins in dependency order whatever order plugins.json lists them', async () => {
    app = await startTestApp({ plugins: [entry('needs-counter-plugin'), entry('counter-plugin')] });
    expect(app.plugins.list().map((p) => [p.id, p.state])).to.deep.equal([
      ['needs-counter', 'enabled'],
      ['counter', 'enabled'],
    ]);
    const reply = await app.runner.runLine('!dependent', { caller: admin, transport: 'console' });
    expect(reply?.text).to.equal('ok');
  });

  it('disable removes every command, job and handler; enable brings them back', async () => {
    app = await startTestApp({ plugins: [entry('counter-plugin')] });
    const before = app.plugins.list()[0]!;
    expect([before.commands, before.jobs, before.handlers]).to.deep.equal([1, 1, 1]);
    let changes = 0;
    app.events.on('commands.changed', () => void changes++);

    await app.plugins.disable('counter');
    expect(app.registry.find('count')).to.equal(undefined);
    expect(app.registry.find('cnt')).to.equal(undefined);
    expect(app.scheduler.list()).to.have.length(0);
    expect(app.events.listenerCount('round.imported')).to.equal(0);
    expect(app.plugins.list()[0]!.state).to.equal('disabled');

    await app.plugins.enable('counter');
    expect(app.registry.find('cnt')?.pluginId).to.equal('counter');
    expect(app.scheduler.list()).to.have.length(1);
    expect(app.events.listenerCount('round.imported')).to.equal(1);
    expect(changes).to.equal(2);
  });

  it('reload leaves exactly one of each registration', async () => {
    app = await startTestApp({ plugins: [entry('counter-plugin')] });
    await app.plugins.reload('counter');
    await app.plugins.reload('counter');
    const status = app.plugins.list()[0]!;
    expect([status.state, status.commands, status.jobs, status.handlers]).to.deep.equal(['enabled', 1, 1, 1]);
  });

  it('disabling a plugin another needs disables that one too, until the first is enabled again', async () => {
    app = await startTestApp({ plugins: [entry('counter-plugin'), entry('needs-counter-plugin')] });
    const { dependants } = await app.plugins.disable('counter');
    expect(dependants).to.deep.equal(["needs-counter: disabled until it can load again (plugin 'needs-counter' depends on 'counter', which is disabled)"]);
    expect(app.registry.find('count')).to.equal(undefined);
    expect(app.registry.find('dependent')).to.equal(undefined);
    expect(app.plugins.list().map((p) => [p.id, p.state])).to.deep.equal([
      ['counter', 'disabled'],
      ['needs-counter', 'disabled'],
    ]);
    const back = await app.plugins.enable('counter');
    expect(back.dependants).to.deep.equal(['needs-counter: enabled again']);
    const reply = await app.runner.runLine('!dependent', { caller: admin, transport: 'console' });
    expect(reply?.text).to.equal('ok');
  });

  it('isolates a plugin that throws while loading and disposes what it had registered', async () => {
    app = await startTestApp({ plugins: [entry('throwing-plugin'), entry('counter-plugin')] });
    const [throwing, counter] = app.plugins.list();
    expect(throwing!.state).to.equal('failed');
    expect(throwing!.error).to.equal("plugin 'throwing' failed to register: boom while loading");
    expect(app.registry.find('half-registered')).to.equal(undefined);
    expect(counter!.state).to.equal('enabled');
  });

  it('refuses a command name already taken, naming both plugins', async () => {
    app = await startTestApp({ plugins: [entry('counter-plugin'), entry('steals-count-plugin')] });
    const thief = app.plugins.list().find((p) => p.id === 'thief')!;
    expect(thief.state).to.equal('failed');
    expect(thief.error).to.contain("command 'count' of plugin 'thief' is already registered by plugin 'counter'");
    const reply = await app.runner.runLine('!count', { caller: admin, transport: 'console' });
    expect(reply?.text).to.equal('counted');
  });

  it('refuses a plugin built for another API version and a plugin missing its dependency', async () => {
    app = await startTestApp({ plugins: [entry('future-api-plugin'), entry('needs-counter-plugin')] });
    const [future, needs] = app.plugins.list();
    expect(future!.state).to.equal('failed');
    expect(future!.error).to.equal("plugin 'future' needs plugin API ^3.0.0, but this etbot provides plugin API 2.1.0");
    expect(needs!.error).to.equal("plugin 'needs-counter' depends on 'counter', which is not enabled");
  });

  it('validates plugin options against the plugin schema', async () => {
    app = await startTestApp({ plugins: [entry('options-plugin', { options: { greeting: 'hi', times: 2 } })] });
    expect((await app.runner.runLine('!greet', { caller: admin, transport: 'console' }))?.text).to.equal('hi hi');
    await app.stop();
    app = await startTestApp({ plugins: [entry('options-plugin', { options: { times: 'many' } })] });
    expect(app.plugins.list()[0]!.error).to.equal("plugin 'options' option 'times' is \"many\": Invalid input: expected number, received string");
  });

  it('a handler that throws does not stop the other handlers', async () => {
    app = await startTestApp({ plugins: [] });
    const seen: string[] = [];
    app.events.on(
      'file.rejected',
      () => {
        throw new Error('bad handler');
      },
      'bad',
    );
    app.events.on('file.rejected', (e) => void seen.push(e.file), 'good');
    await app.events.emit('file.rejected', { file: 'a.txt', reason: 'r', source: 's' });
    expect(seen).to.deep.equal(['a.txt']);
  });
});
