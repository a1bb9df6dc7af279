import { expect } from 'chai';
import type { Database } from '../../core/data';
import { DataServices } from '../../core/data/tokens';
import { ALL_PLUGINS, ask, messageOf, startE2EBot, type E2EBot } from '../discord-e2e/e2e-bot';
import { handWrittenRound } from '../discord-e2e/round-file';
import { hand, HOSTILE_ARGUMENTS, HOSTILE_NAMES } from './hostile-input';

describe('reliability: admin powers and hostile input through the Discord fake [sqlite]', function () {
  this.timeout(180_000);
  let e: E2EBot;
  before(async () => {
    e = await startE2EBot({ database: 'sqlite', plugins: ALL_PLUGINS });
    // Hostile names in a hand-written round; kills 11, 12, ... tell the players apart.
    const players = HOSTILE_NAMES.map((n, i) => hand(`ABCD${String(i).padStart(4, '0')}`, n, 11 + i));
    const round = handWrittenRound(new Date(Date.UTC(2025, 0, 4, 20, 0, 0)), 'supply', players);
    expect((await e.importer.importContent(round.name, round.content, { source: 'test' })).status).to.equal('imported');
  });
  after(async () => e?.stop());

  it('every admin-only command of the registry is refused to a normal user (prefix and slash), and each refusal is audited', async () => {
    const fake = e.fake;
    const adminOnly = e.app.registry
      .list()
      .filter((c) => c.definition.adminOnly)
      .map((c) => c.definition.name);
    expect(adminOnly.length, 'admin commands in the registry').to.be.greaterThan(3);
    for (const name of adminOnly) {
      const reply = await ask(fake, `!${name}`);
      expect(reply.body.content, `!${name}`).to.equal(`\`!${name}\` is for admins only.`);
      const slash = fake.sendSlashCommand(name, [], { user: fake.world.users.bob });
      const callback = await fake.waitForCallback(slash);
      // Slow commands defer first (type 5) and edit the reply in afterwards.
      // A deferred error is sent as an ephemeral follow-up (the deferred reply is deleted).
      const answered = JSON.stringify(
        callback.body.type === 5
          ? (
              await fake.waitForRequest(
                (r) => (r.method === 'PATCH' || r.method === 'POST') && r.path.startsWith('/webhooks/') && r.path.includes(slash.token),
                10_000,
                `answer to /${name}`,
              )
            ).body
          : messageOf(callback),
      );
      expect(answered, `/${name}`).to.include('is for admins only');
    }
    const database = e.app.container.resolve<Database>(DataServices.Database.id);
    const denied = await database.read((sql) => sql.all(`SELECT command, transport, user_id FROM admin_actions WHERE outcome = 'denied'`));
    for (const name of adminOnly) {
      const rows = denied.filter((r) => r.command === name);
      expect(rows.map((r) => String(r.user_id)).sort(), name).to.deep.equal([fake.world.users.alice.id, fake.world.users.bob.id].sort());
    }
  });

  it('hostile arguments get a safe reply: no crash, no SQL error, no ping, and the bot keeps answering', async () => {
    const fake = e.fake;
    for (const arg of HOSTILE_ARGUMENTS) {
      for (const command of ['stats', 'top', 'compare']) {
        const reply = await ask(fake, `!${command} ${arg}`);
        const text = JSON.stringify(reply.body);
        expect(reply.body.allowed_mentions?.parse ?? [], `${command} ${arg.slice(0, 30)}`).to.deep.equal([]);
        expect(text).to.not.match(/QueryFailedError|SQLITE_|syntax error|near "|stack|at \w+ \(/i);
        expect(text.length).to.be.lessThan(12_000);
      }
    }
    expect((await ask(fake, '!stats Snake')).body.embeds?.length).to.equal(1);
  });

  it('a player with a hostile name is found as exactly that player', async () => {
    const fake = e.fake;
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const reply = await ask(fake, `!stats ${name}`);
      const text = JSON.stringify(reply.body);
      expect(reply.body.allowed_mentions?.parse ?? [], name).to.deep.equal([]);
      if (name.includes('**')) expect(text, 'markdown escaped').to.include('\\\\*\\\\*bold\\\\*\\\\*');
      // kills 11 + i, by hand, and nobody else's.
      expect(text, name).to.match(new RegExp(`\\b${11 + i} kills\\b`));
      for (const [j] of HOSTILE_NAMES.entries()) if (j !== i) expect(text, name).to.not.match(new RegExp(`\\b${11 + j} kills\\b`));
    }
  });
});
