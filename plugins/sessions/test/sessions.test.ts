import { expect } from 'chai';
import { definePlugin, SessionsServices, type Reply, type SessionReplyExtension } from 'etbot/plugin-api';
import { createTestBot, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';

const truth = loadFixtureTruth();

/** `name: value` of each field of the first embed. */
function fields(reply: Reply): Record<string, string> {
  return Object.fromEntries((reply.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
}

/** A plugin that adds a file to `!session` through the sessions plugin's extension point. */
function extensionPlugin(id: string, extension: SessionReplyExtension) {
  return definePlugin({
    manifest: { id, version: '1.0.0', apiVersion: '^2.0.0', optionalDependsOn: ['sessions'] },
    register(api) {
      const point = api.services.getOptional(SessionsServices.ReplyExtensions);
      if (!point) return;
      const registration = point.add(api.id, extension);
      api.onDispose(() => registration.dispose());
    },
  });
}

forEachDatabase('!sessions and !session on the fixtures', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({
      database: handle.url,
      plugins: [
        'sessions',
        extensionPlugin('broken-extension', async () => {
          throw new Error('cannot draw');
        }),
        extensionPlugin('session-notes', async (session) => ({ name: `notes-${session.number}.txt`, data: Buffer.from(`${session.maps} maps`) })),
      ],
    });
  });
  after(async () => bot?.stop());

  it('!sessions lists both evenings and !session shows one', async () => {
    const list = (await bot.run('!sessions 2025-11')).embeds![0]!.description!.split('\n');
    expect(list).to.have.length(truth.sessions.length);
    // By hand from the file names: evening 1 pairs 4 maps and has an R2 without its R1
    // (etl_sp_delivery 22:12); evening 2 pairs 5 and leaves supply after R1 (23:55, no R2).
    const mapCounts = ['4 maps played to the end, 1 R2 without its R1', '5 maps played to the end, 1 left after R1'];
    truth.sessions.forEach((s, i) => {
      expect(list[i]).to.include(`#${s.index} · ${s.start.slice(0, 16).replace('T', ' ')} · `);
      expect(list[i]).to.include(` · ${mapCounts[i]} (`);
    });
    const last = truth.sessions[truth.sessions.length - 1]!;
    const detail = await bot.run('!session');
    expect(detail.embeds![0]!.title).to.equal(`Session #${last.index} · ${last.start.slice(0, 10)}`);
    expect(fields(detail).Rounds).to.equal(String(last.rounds));
    expect(fields(detail).Maps).to.equal(`${last.maps} maps played to the end, 1 left after R1`);
    const byDate = await bot.run(`!session ${truth.sessions[0]!.start.slice(0, 10)}`);
    expect(byDate.embeds![0]!.title).to.equal(`Session #1 · ${truth.sessions[0]!.start.slice(0, 10)}`);
    expect((await bot.run('!session 99')).text).to.match(/^No session #99/);
    expect((await bot.run('!sessions 2025-13')).isError).to.equal(true);
    expect((await bot.run('!session yesterday')).isError).to.equal(true);
  });

  it('attaches what the plugins naming it in optionalDependsOn add to !session, skipping one that fails', async () => {
    const reply = await bot.run('!session 1');
    expect(reply.files!.map((f) => f.name)).to.deep.equal(['notes-1.txt']);
    expect(reply.files![0]!.data.toString()).to.equal(`${truth.sessions[0]!.maps} maps`);
    expect(reply.embeds![0]!.image).to.equal('notes-1.txt');
  });

  it('drops an extension when its plugin goes, and keeps it across a reload of sessions', async () => {
    await bot.app.plugins.reload('sessions');
    expect((await bot.run('!session 1')).files!.map((f) => f.name)).to.deep.equal(['notes-1.txt']);
    await bot.app.plugins.disable('session-notes');
    const reply = await bot.run('!session 1');
    expect(reply.files).to.equal(undefined);
    expect(reply.embeds![0]!.image).to.equal(undefined);
  });
});

forEachDatabase('!sessions and !session on an empty database', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['sessions'], fixtures: false });
  });
  after(async () => bot?.stop());

  for (const line of ['!sessions', '!session', '!session 2025-11-07']) {
    it(`${line} answers "No rounds imported yet." (not an error)`, async () => {
      const reply = await bot.run(line);
      expect(reply.text).to.equal('No rounds imported yet.');
      expect(reply.isError ?? false).to.equal(false);
    });
  }
});
