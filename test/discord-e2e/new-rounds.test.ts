import { expect } from 'chai';
import { ALL_PLUGINS, ask, startE2EBot, type E2EBot } from './e2e-bot';
import { statsFieldsOf } from './expectations';
import { handWrittenRound, type HandPlayer } from './round-file';

const TRICKY_NAME = '@everyone **x** `y`';
/** How Discord must receive it: the markdown escaped by hand, the mention left (it pings nobody anyway). */
const TRICKY_ESCAPED = '@everyone \\*\\*x\\*\\* \\`y\\`';

const PLAYERS: HandPlayer[] = [
  {
    guid: 'E2E0A001',
    name: TRICKY_NAME,
    team: 1,
    hits: 50,
    shots: 200,
    kills: 5,
    deaths: 3,
    headshots: 10,
    damageGiven: 1234,
    damageReceived: 900,
    minutes: 10,
  },
  { guid: 'E2E0B002', name: 'Pat', team: 2, hits: 30, shots: 150, kills: 3, deaths: 4, headshots: 5, damageGiven: 800, damageReceived: 1000, minutes: 10 },
  { guid: 'E2E0B003', name: 'Kim', team: 2, hits: 20, shots: 100, kills: 1, deaths: 3, headshots: 2, damageGiven: 500, damageReceived: 700, minutes: 10 },
];

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`Discord end to end: a new round while the bot is online [${kind}]`, function () {
    this.timeout(120_000);
    let e: E2EBot;
    let round: { name: string; content: string };
    const announcePosts = () => e.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${e.fake.world.otherChannelId}/messages`);

    before(async () => {
      // Ended five minutes ago: recent enough for the announcer (the fixtures, from 2025, are a backfill).
      round = handWrittenRound(new Date(Date.now() - 5 * 60_000), 'supply', PLAYERS);
      e = await startE2EBot({
        database: kind,
        plugins: ALL_PLUGINS.map((id) => (id === 'announcer' ? { id, enabled: true, options: { sessionSummary: false } } : id)),
        discord: (fake) => ({ announceChannelId: fake.world.otherChannelId }),
      });
    });

    after(async () => {
      await e?.stop();
    });

    it('the announcer stays quiet for the fixtures (a backfill) and posts the new round exactly once when its file is imported twice', async () => {
      expect(e.imported!.imported).to.equal(20);
      expect(announcePosts()).to.have.length(0);

      // The importer awaits the round.imported handlers, so the post (if any) is done when it returns.
      expect((await e.importer.importContent(round.name, round.content, { source: 'e2e' })).status).to.equal('imported');
      expect((await e.importer.importContent(round.name, round.content, { source: 'e2e' })).status).to.equal('unchanged');
      expect((await e.importer.importContent(round.name, round.content.replace(/\n/g, '\r\n'), { source: 'e2e' })).status).to.equal('unchanged');

      const posts = announcePosts();
      expect(posts).to.have.length(1);
      expect(posts[0]!.body.embeds[0].title).to.equal('supply · round 1');
      expect(posts[0]!.body.allowed_mentions.parse).to.deep.equal([]);
      // The top fragger is the tricky name: shown literally.
      const text = JSON.stringify(posts[0]!.body.embeds);
      expect(text).to.include(JSON.stringify(TRICKY_ESCAPED).slice(1, -1));
      expect(text).not.to.include('**x**');
    });

    it('shows a name with @everyone, ** and a backtick literally in `!stats` and `/stats`, pinging nobody', async () => {
      const status = (await e.importer.importContent(round.name, round.content, { source: 'e2e' })).status;
      expect(['imported', 'unchanged']).to.include(status);
      // By hand from the file: 5/3 = 1.666 -> 1.67; 50/200 = 25.00%; 10.0 min = 10m; DPM 1234 x 60 / 600 = 123.40.
      const expected = {
        'Rounds played': '1',
        'Time played': '10m',
        'K/D': '1.67 (5 kills, 3 deaths)',
        Accuracy: '25.00% (50 hits, 200 shots)',
        DPM: '123.40',
      };

      const reply = await ask(e.fake, '!stats E2E0A001');
      expect(reply.body.embeds[0].title).to.equal(`Stats for ${TRICKY_ESCAPED}`);
      expect(statsFieldsOf(reply.body.embeds[0])).to.deep.equal(expected);
      expect(reply.body.allowed_mentions).to.deep.equal({ parse: [], replied_user: false });

      const i = e.fake.sendSlashCommand('stats', [{ name: 'player', type: 3, value: 'E2E0A001' }]);
      const callback = await e.fake.waitForCallback(i);
      expect(callback.body.data.embeds[0].title).to.equal(`Stats for ${TRICKY_ESCAPED}`);
      expect(callback.body.data.allowed_mentions.parse).to.deep.equal([]);

      // Autocomplete labels are plain text in Discord's picker: the name as it is.
      const auto = e.fake.sendAutocomplete('stats', [{ name: 'player', type: 3, value: 'everyone', focused: true }]);
      expect((await e.fake.waitForCallback(auto)).body.data.choices).to.deep.equal([{ name: TRICKY_NAME, value: 'E2E0A001' }]);
    });
  });
}
