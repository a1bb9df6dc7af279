import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, forEachDatabase, ManualClock, type TestBot } from 'etbot/testing';
import { RecordedPosts } from './posts';

const CHANNEL = '424242';
const FIXTURES = fs
  .readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const SESSION_1 = FIXTURES.filter((f) => f < '2025-11-08');
const SESSION_2 = FIXTURES.filter((f) => f >= '2025-11-09');
const ESCAPE_R1 = '2025-11-09-233856-te_escape2-round-1.txt';

function endedAt(file: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)-(\d\d)(\d\d)(\d\d)-/.exec(file)!;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

forEachDatabase('announcer: new records', (handle) => {
  let bot: TestBot | undefined;
  let posts: RecordedPosts;
  let clock: ManualClock;

  beforeEach(async () => {
    await handle.reset();
    clock = new ManualClock(endedAt(SESSION_2[0]!) - 60_000);
    posts = new RecordedPosts();
    bot = await createTestBot({
      database: handle.url,
      fixtures: false,
      clock,
      plugins: ['last-session', 'records', 'awards', { id: 'announcer', options: { channelId: CHANNEL, sessionSummary: true } }, posts.plugin],
    });
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  const recordPosts = () => posts.posts.filter((p) => p.reply.embeds?.[0]?.title?.startsWith('New record!'));

  async function deliver(file: string): Promise<void> {
    const due = endedAt(file) + 5_000;
    if (due > clock.now()) await clock.advance(due - clock.now());
    await bot!.importFile(path.join(FIXTURES_DIR, file));
  }

  it("posts a live round's new record once, never for the backfill, not again for a re-delivered file", async () => {
    // Session 1 two days old: a backfill (older than maxAgeHours), so nothing is posted.
    for (const f of SESSION_1) await bot!.importFile(path.join(FIXTURES_DIR, f));
    expect(posts.count).to.equal(0);
    for (const f of SESSION_2) await deliver(f);
    // By hand: the most kills in one round before 2025-11-09 23:38 was slasher's 14 (etl_adlernest R2,
    // 2025-11-07) and no earlier session-2 round beats it; his te_escape2 R1 line has 15.
    const withKills = recordPosts().filter((p) => p.reply.embeds![0]!.description!.includes('**Most kills**: 15 · slasher (was 14)'));
    expect(withKills.map((p) => p.reply.embeds![0]!.title)).to.deep.equal(['New record! · te\\_escape2 round 1']);
    // te_escape2's fastest time: 7:08 (2025-11-07 R2) beaten by 4:39 in the 2025-11-09 R2.
    const escapeR2 = recordPosts().find((p) => p.reply.embeds![0]!.title === 'New record! · te\\_escape2 round 2');
    expect(escapeR2?.reply.embeds![0]!.description).to.contain('**Fastest stopwatch time on te\\_escape2**: 4:39 · attackers (was 7:08)');
    const before = recordPosts().length;
    // Again under the same name (unchanged) and under an earlier name (takes the import over): no new post.
    const content = fs.readFileSync(path.join(FIXTURES_DIR, ESCAPE_R1), 'utf8');
    await bot!.importer.importContent(ESCAPE_R1, content, { source: 'test' });
    const takeover = await bot!.importer.importContent('2025-11-09-233855-te_escape2-round-1.txt', content.replace(/\n/g, '\r\n'), { source: 'test' });
    expect(takeover.status).to.equal('imported');
    await bot!.discordSettled?.();
    expect(recordPosts().length).to.equal(before);
    // The session post names the top awards (worked out by hand in plugins/awards/test).
    await clock.advance(62 * 60_000);
    await posts.waitForCount(posts.count + 1);
    const summary = posts.posts.at(-1)!.reply.embeds![0]!;
    expect(summary.title).to.equal('Session over · 2025-11-09');
    expect(summary.fields!.find((f) => f.name === 'Awards')!.value).to.contain('**Most damage given**: ^caret (34,082)');
  });

  it('says nothing for a round whose R1 arrives late: the R2 alone is an orphan and counts nowhere', async () => {
    for (const f of SESSION_1) await bot!.importFile(path.join(FIXTURES_DIR, f));
    const r2 = '2025-11-09-234521-te_escape2-round-2.txt';
    await deliver(r2);
    expect(recordPosts()).to.have.length(0);
  });
});
