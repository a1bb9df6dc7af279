import { expect } from 'chai';
import { CommandRegistry } from '../../core/commands/registry';
import { CommandRunner, type ExecutionRecord } from '../../core/commands/runner';
import { silentLogger } from '../../core/logging/create-logger';
import type { Caller } from '../../core/plugin-api';
import { FakeClock } from '../support/fake-clock';

const user: Caller = { id: '111111111111111111', name: 'u', roleIds: [], isAdmin: false };
const admin: Caller = { ...user, id: '222222222222222222', isAdmin: true };

function setup() {
  const registry = new CommandRegistry();
  const clock = new FakeClock();
  const runner = new CommandRunner(registry, silentLogger(), clock, { prefix: '!', categoryChannels: { admin: ['999999999999999999'] } });
  const records: ExecutionRecord[] = [];
  runner.onExecuted((r) => records.push(r));
  registry.register('t', {
    name: 'echo',
    description: 'Echo',
    args: [{ name: 'text', type: 'string', description: 'Text', required: true }],
    cooldownSeconds: 5,
    run: (_c, a) => ({ text: String(a.text) }),
  });
  registry.register('t', { name: 'wipe', description: 'Admin', adminOnly: true, category: 'admin', run: () => ({ text: 'wiped' }) });
  registry.register('t', {
    name: 'crash',
    description: 'Throws',
    run: () => {
      throw new Error('secret internals');
    },
  });
  return { runner, clock, records };
}

describe('command runner', () => {
  it('runs a prefix line and reports usage errors with the usage line', async () => {
    const { runner } = setup();
    expect((await runner.runLine('!echo hello world', { caller: user, transport: 'console' }))?.text).to.equal('hello world');
    const bad = await runner.runLine('!echo', { caller: admin, transport: 'console' });
    expect(bad?.isError).to.equal(true);
    expect(bad?.text).to.equal('missing text\nUsage: `!echo <text>`');
  });

  it('refuses admin-only commands to normal users and records the denial', async () => {
    const { runner, records } = setup();
    const denied = await runner.runLine('!wipe', { caller: user, transport: 'discord', channelId: '999999999999999999' });
    expect(denied?.text).to.equal('`!wipe` is for admins only.');
    expect(records.at(-1)?.outcome).to.equal('denied');
    const ok = await runner.runLine('!wipe', { caller: admin, transport: 'discord', channelId: '999999999999999999' });
    expect(ok?.text).to.equal('wiped');
  });

  it('keeps a category to its channels on Discord', async () => {
    const { runner } = setup();
    const elsewhere = await runner.runLine('!wipe', { caller: admin, transport: 'discord', channelId: '123123123123123123' });
    expect(elsewhere?.text).to.equal('`!wipe` works in <#999999999999999999>.');
  });

  it('applies cooldowns per user and command', async () => {
    const { runner, clock } = setup();
    await runner.runLine('!echo a', { caller: user, transport: 'discord' });
    expect((await runner.runLine('!echo b', { caller: user, transport: 'discord' }))?.text).to.equal('Slow down: `!echo` again in 5s.');
    await clock.advance(5000);
    expect((await runner.runLine('!echo c', { caller: user, transport: 'discord' }))?.text).to.equal('c');
  });

  it('turns a throwing command into a friendly error without the internals', async () => {
    const { runner, records } = setup();
    const reply = await runner.runLine('!crash', { caller: user, transport: 'console' });
    expect(reply?.text).to.equal('Sorry, `!crash` failed. The error was logged for the admins.');
    expect(reply?.text).to.not.contain('secret');
    expect(records.at(-1)).to.include({ outcome: 'error', error: 'secret internals' });
    expect((await runner.runLine('!echo next', { caller: user, transport: 'console' }))?.text).to.equal('next');
  });

  it('suggests close names for an unknown command', async () => {
    const { runner } = setup();
    expect((await runner.runLine('!ecko x', { caller: user, transport: 'console' }))?.text).to.equal(
      'Unknown command `!ecko`. Did you mean `!echo`? Try `!help`.',
    );
  });
});
