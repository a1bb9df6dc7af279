import { expect } from 'chai';
import { loadTruth, truthPlayer } from '../queries/truth';
import type { RecordedRequest } from '../fake-discord';
import { ask, messageOf, startE2EBot, type E2EBot } from './e2e-bot';
import { EPHEMERAL, expectedStatsFields, killsBoardLines, pngSize, shown, statsFieldsOf } from './expectations';

const truth = loadTruth();

/** Description lines of the first embed, as the user reads them. */
const lines = (req: RecordedRequest): string[] => (messageOf(req).embeds[0].description as string).split('\n').map(shown);
const buttonsOf = (req: RecordedRequest): { custom_id: string; label: string; disabled?: boolean }[] => messageOf(req).components?.[0]?.components ?? [];

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`Discord end to end: the real plugins on the fixtures, through the fake Discord [${kind}]`, function () {
    this.timeout(120_000);
    let e: E2EBot;

    before(async () => {
      e = await startE2EBot({ database: kind });
      expect(e.imported?.rejected).to.deep.equal([]);
    });

    after(async () => {
      await e?.stop();
    });

    const world = () => e.fake.world;

    describe('!stats and /stats', () => {
      it('answers `!stats Snake` with the numbers worked out by hand from truth.json', async () => {
        // Snake (39137DDE): 99 kills / 78 deaths = 1.269 -> 1.27; 2731 hits / 7280 shots = 37.51%;
        // 9360 s = 2 h 36 min; 19 rounds.
        const reply = await ask(e.fake, '!stats Snake');
        const embed = reply.body.embeds[0];
        expect(embed.title).to.equal('Stats for Snake');
        expect(statsFieldsOf(embed)).to.deep.include({
          'Rounds played': '19',
          'Time played': '2h 36m',
          'K/D': '1.27 (99 kills, 78 deaths)',
          Accuracy: '37.51% (2731 hits, 7280 shots)',
        });
        expect(reply.body.allowed_mentions.parse).to.deep.equal([]);
      });

      for (const guid of ['B5F6FD48', '12FDAAA7', 'B70C1A74', '1E4887BA']) {
        const t = truthPlayer(truth, guid);
        it(`answers \`!stats\` and \`/stats player:\` for ${t.name} (${guid}) as truth.json says`, async () => {
          const byPrefix = await ask(e.fake, `!stats ${guid}`);
          expect(shown(byPrefix.body.embeds[0].title)).to.equal(`Stats for ${t.name}`);
          expect(statsFieldsOf(byPrefix.body.embeds[0])).to.deep.equal(expectedStatsFields(t));

          const i = e.fake.sendSlashCommand('stats', [{ name: 'player', type: 3, value: t.name }]);
          const callback = await e.fake.waitForCallback(i);
          expect(callback.body.type).to.equal(4);
          expect(shown(callback.body.data.embeds[0].title)).to.equal(`Stats for ${t.name}`);
          expect(statsFieldsOf(callback.body.data.embeds[0])).to.deep.equal(expectedStatsFields(t));
          expect(callback.body.data.allowed_mentions.parse).to.deep.equal([]);
        });
      }
    });

    describe('/top stat:kills with page buttons', () => {
      it('pages forward and back, rows in the kills order of truth.json, and refuses another user privately', async () => {
        const board = killsBoardLines(truth);
        expect(board[0]).to.equal('1. slasher - 125 kills');
        expect(board).to.have.length(15); // 16 players in truth.json, the bot left out

        const i = e.fake.sendSlashCommand('top', [{ name: 'stat', type: 3, value: 'kills' }]);
        const first = await e.fake.waitForCallback(i);
        expect(messageOf(first).embeds[0].title).to.equal('Top players by kills');
        expect(lines(first)).to.deep.equal(board.slice(0, 10));
        expect(buttonsOf(first).map((b) => [b.label, b.disabled ?? false])).to.deep.equal([
          ['◀ Prev', true],
          ['1 / 2', true],
          ['Next ▶', false],
        ]);
        const messageId = e.fake.originalMessage(i)!.id;

        const next = e.fake.pressButton(messageId, buttonsOf(first)[2]!.custom_id);
        const second = await e.fake.waitForOriginalEdit(next);
        expect(lines(second)).to.deep.equal(board.slice(10));
        expect(buttonsOf(second).map((b) => b.label)).to.deep.equal(['◀ Prev', '2 / 2', 'Next ▶']);
        expect(buttonsOf(second)[2]!.disabled).to.equal(true);

        // bob presses alice's buttons: told privately, the page stays.
        const intruder = e.fake.pressButton(messageId, buttonsOf(second)[0]!.custom_id, { user: world().users.bob });
        const refusal = await e.fake.waitForCallback(intruder);
        expect(refusal.body.type).to.equal(4);
        expect(refusal.body.data.flags & EPHEMERAL).to.equal(EPHEMERAL);
        expect(refusal.body.data.content).to.equal('Only alice can turn these pages; run the command yourself to browse.');
        expect((e.fake.message(messageId)!.embeds[0].description as string).split('\n').map(shown)).to.deep.equal(board.slice(10));

        const back = e.fake.pressButton(messageId, buttonsOf(second)[0]!.custom_id);
        const again = await e.fake.waitForOriginalEdit(back);
        expect(lines(again)).to.deep.equal(board.slice(0, 10));
        expect(e.fake.message(messageId)!.embeds[0].footer.text).to.equal('all time · page 1/2');
      });
    });

    describe('admin-only commands', () => {
      const pluginsTitle = /^Plugins \(12 of 12 enabled\)$/;

      it('refuses `!plugins` and `/plugins` for a normal user', async () => {
        const reply = await ask(e.fake, '!plugins');
        expect(reply.body.content).to.equal('`!plugins` is for admins only.');
        expect(reply.body.embeds ?? []).to.deep.equal([]);
        const i = e.fake.sendSlashCommand('plugins', [], { user: world().users.bob, roleIds: [world().roles.member] });
        const callback = await e.fake.waitForCallback(i);
        expect(callback.body.data.content).to.equal('`!plugins` is for admins only.');
        expect(callback.body.data.flags & EPHEMERAL).to.equal(EPHEMERAL);
      });

      it('runs `!plugins` for the admin named by user id', async () => {
        const reply = await ask(e.fake, '!plugins', { user: world().users.admin });
        expect(reply.body.embeds[0].title).to.match(pluginsTitle);
        expect(reply.body.embeds[0].description).to.include('**stats** 1.1.0 enabled - 1 commands');
      });

      it('runs `!plugins` and `/plugins` for a user with the admin role', async () => {
        const roleIds = [world().roles.admin];
        const reply = await ask(e.fake, '!plugins', { user: world().users.bob, roleIds });
        expect(reply.body.embeds[0].title).to.match(pluginsTitle);
        const i = e.fake.sendSlashCommand('plugins', [], { user: world().users.bob, roleIds });
        const callback = await e.fake.waitForCallback(i);
        expect(callback.body.data.embeds[0].title).to.match(pluginsTitle);
      });
    });

    describe('autocomplete on /stats player:', () => {
      const choices = async (typed: string): Promise<{ name: string; value: string }[]> => {
        const i = e.fake.sendAutocomplete('stats', [{ name: 'player', type: 3, value: typed, focused: true }]);
        const callback = await e.fake.waitForCallback(i);
        expect(callback.body.type).to.equal(8);
        return callback.body.data.choices;
      };

      it('suggests the fixture players whose name contains the typed text, with their GUID as the value', async () => {
        expect(await choices('sna')).to.deep.equal([{ name: 'Snake', value: '39137DDE' }]);
        const er = truth.players.filter((p) => p.name.toLowerCase().includes('er')).map((p) => ({ name: p.name, value: p.guid }));
        expect(er.map((c) => c.name).sort()).to.deep.equal(['slasher', 'viper?']);
        expect(await choices('ER')).to.have.deep.members(er);
        // A former name finds the player under his current one.
        expect(await choices('pink')).to.deep.equal([{ name: 'Mr. Brown', value: 'B70C1A74' }]);
        expect(await choices('zzzz')).to.deep.equal([]);
      });

      it('runs /stats with the chosen suggestion', async () => {
        const [choice] = await choices('slash');
        const i = e.fake.sendSlashCommand('stats', [{ name: 'player', type: 3, value: choice!.value }]);
        const callback = await e.fake.waitForCallback(i);
        expect(callback.body.data.embeds[0].title).to.equal('Stats for slasher');
        expect(statsFieldsOf(callback.body.data.embeds[0])).to.deep.equal(expectedStatsFields(truthPlayer(truth, 'B5F6FD48')));
      });
    });

    describe('!last_session', () => {
      it('shows typing, then sends the six-graph PNG (1800x1500) with an embed that shows it', async () => {
        const sent = e.fake.sendUserMessage('!last_session');
        await e.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${world().channelId}/typing`, 30_000, 'typing');
        const reply = await e.fake.waitForRequest(
          (r) => r.method === 'POST' && r.body?.message_reference?.message_id === sent.id,
          60_000,
          'the !last_session reply',
        );
        expect(reply.files).to.have.length(1);
        const [file] = reply.files;
        expect(file!.name).to.equal('last-session.png');
        expect(file!.contentType).to.equal('image/png');
        expect(pngSize(file!.data)).to.deep.equal({ width: 1800, height: 1500 });
        const images = (reply.body.embeds as { image?: { url: string } }[]).map((em) => em.image?.url).filter(Boolean);
        expect(images).to.deep.equal(['attachment://last-session.png']);
        expect(reply.body.attachments).to.have.length(1);
        // The stored message carries the attachment the embed points at.
        const stored = e.fake.message(reply.response.id)!;
        expect(stored.attachments.map((a: { filename: string }) => a.filename)).to.deep.equal(['last-session.png']);
      });

      it('defers `/last_session`, then edits the reply with the same PNG and embed', async () => {
        const i = e.fake.sendSlashCommand('last_session');
        expect((await e.fake.waitForCallback(i)).body.type).to.equal(5);
        const edit = await e.fake.waitForOriginalEdit(i, 60_000);
        expect(edit.files.map((f) => f.name)).to.deep.equal(['last-session.png']);
        expect(pngSize(edit.files[0]!.data)).to.deep.equal({ width: 1800, height: 1500 });
        expect((edit.body.embeds as { image?: { url: string } }[]).map((em) => em.image?.url).filter(Boolean)).to.deep.equal(['attachment://last-session.png']);
        expect(e.fake.originalMessage(i)!.attachments.map((a: { filename: string }) => a.filename)).to.deep.equal(['last-session.png']);
      });
    });

    describe('gateway drops', () => {
      it('reconnects after the fake drops the socket and answers `!stats` again', async () => {
        const sessions = e.fake.gateway.resumeCount + e.fake.gateway.identifyCount;
        e.fake.gateway.drop();
        const reply = await ask(e.fake, '!stats Snake');
        expect(e.fake.gateway.resumeCount + e.fake.gateway.identifyCount).to.be.greaterThan(sessions);
        expect(statsFieldsOf(reply.body.embeds[0])).to.deep.equal(expectedStatsFields(truthPlayer(truth, '39137DDE')));
      });
    });

    it('wrote no error to the log through all of the above', () => {
      const errors = e.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
      expect(errors).to.deep.equal([]);
    });
  });
}
