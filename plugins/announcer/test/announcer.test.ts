import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Reply } from 'etbot/plugin-api';
import { createTestBot, FIXTURES_DIR, forEachDatabase, loadFixtureTruth, ManualClock, type TestBot } from 'etbot/testing';
import { readPngHeader } from './png';
import { RecordedPosts } from './posts';

const CHANNEL = '424242';
const FIXTURES = fs
  .readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const SESSION_2 = FIXTURES.filter((f) => f >= '2025-11-09');

/** UTC milliseconds of a fixture's end (the server zone is UTC), from its name. */
function endedAt(file: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)-(\d\d)(\d\d)(\d\d)-/.exec(file)!;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

function titles(posts: readonly { reply: Reply }[]): string[] {
  return posts.map((p) => p.reply.embeds?.[0]?.title ?? '');
}

forEachDatabase('announcer plugin', (handle) => {
  let bot: (TestBot & { posts: RecordedPosts; importFiles(files: readonly string[]): Promise<void> }) | undefined;
  let clock: ManualClock;

  async function start(announcerOptions: Record<string, unknown>, config?: Record<string, unknown>, startAt = endedAt(SESSION_2[0]!) - 60_000) {
    clock = new ManualClock(startAt);
    await handle.reset();
    const posts = new RecordedPosts();
    const testBot = await createTestBot({
      database: handle.url,
      fixtures: false,
      clock,
      config,
      plugins: ['last-session', { id: 'announcer', options: announcerOptions }, posts.plugin],
    });
    bot = Object.assign(testBot, {
      posts,
      async importFiles(files: readonly string[]) {
        for (const f of files) await testBot.importFile(path.join(FIXTURES_DIR, f));
      },
    });
    return bot;
  }

  /** Delivers a fixture a few seconds after its round ended, as a collector would. */
  async function deliver(file: string): Promise<void> {
    const due = endedAt(file) + 5_000;
    if (due > clock.now()) await clock.advance(due - clock.now());
    await bot!.importFiles([file]);
  }

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('posts a round once, even when its file is delivered again under the same or another name', async () => {
    const b = await start({ channelId: CHANNEL });
    const r1 = SESSION_2[0]!;
    expect(r1).to.equal('2025-11-09-230143-erdenberg_t2-round-1.txt');
    await deliver(r1);
    expect(titles(b.posts.posts)).to.deep.equal(['erdenberg\\_t2 · round 1']);
    expect(b.posts.posts[0]!.channelId).to.equal(CHANNEL);
    const content = fs.readFileSync(path.join(FIXTURES_DIR, r1));
    // Same name again: unchanged. A later-named copy: a duplicate. An earlier-named copy takes the
    // import over (a new round id for the same content): the announcer must still stay quiet.
    expect((await b.importer.importContent(r1, content, { source: 'test' })).status).to.equal('unchanged');
    expect((await b.importer.importContent('2025-11-09-230150-erdenberg_t2-round-1.txt', content, { source: 'test' })).status).to.equal('duplicate');
    const takeover = await b.importer.importContent('2025-11-09-230142-erdenberg_t2-round-1.txt', content.toString('utf8').replace(/\n/g, '\r\n'), {
      source: 'test',
    });
    expect(takeover.status).to.equal('imported');
    expect(b.posts.count).to.equal(1);
  });

  it('adds the map result after an R2, and posts the session summary with the six graphs once the gap has passed', async () => {
    const b = await start({ channelId: CHANNEL, graceSeconds: 60 });
    await deliver(SESSION_2[0]!);
    await deliver(SESSION_2[1]!);
    const r2 = b.posts.posts[1]!.reply;
    expect(r2.embeds![0]!.title).to.equal('erdenberg\\_t2 · round 2');
    // By hand (see test/last-session): R2's attackers (team A) beat 10:00 -> team A wins 2-0.
    expect(r2.embeds![0]!.description).to.match(/^Team A beat 10:00/);
    expect(r2.embeds![0]!.fields!.find((f) => f.name === 'Map result')!.value).to.equal('Team A wins 2-0');
    expect(b.posts.posts[0]!.reply.embeds![0]!.fields!.some((f) => f.name === 'Map result')).to.equal(false);

    for (const file of SESSION_2.slice(2)) await deliver(file);
    expect(b.posts.count).to.equal(SESSION_2.length);
    // Each round's post names its top fraggers and MVP, and counts the round's players as listed.
    const truth = loadFixtureTruth();
    SESSION_2.forEach((file, i) => {
      const embed = b.posts.posts[i]!.reply.embeds![0]!;
      expect(embed.fields!.map((f) => f.name)).to.include.members(['Top fraggers', 'MVP']);
      // truth counts the bot [BOT]Bolt, who played every round and is left out of the list by default.
      expect(embed.footer, file).to.equal(`${truth.rounds.find((r) => r.file === file)!.players - 1} players`);
    });

    // 59 minutes after the last round: the session is not over yet.
    await clock.advance(59 * 60_000);
    expect(b.posts.count).to.equal(SESSION_2.length);
    // Past the 60-minute gap plus the grace: the summary, once.
    await clock.advance(3 * 60_000);
    await b.posts.waitForCount(SESSION_2.length + 1);
    const summary = b.posts.posts[SESSION_2.length]!.reply;
    expect(summary.embeds![0]!.title).to.equal('Session over · 2025-11-09');
    expect(summary.embeds![0]!.description).to.include('5 maps played to the end, 1 left after R1, 11 rounds · **Team A 2 – 3 Team B**');
    expect(summary.embeds![0]!.image).to.equal(summary.files![0]!.name);
    expect(readPngHeader(summary.files![0]!.data)).to.deep.equal({ width: 1800, height: 1500 });
    await clock.advance(24 * 3_600_000);
    expect(b.posts.count).to.equal(SESSION_2.length + 1);
  });

  it('a round arriving within the gap keeps the session open', async () => {
    const b = await start({ channelId: CHANNEL, graceSeconds: 0 });
    // supply R1 ended 23:55:50, adlernest R1 00:09:15: 13 min apart. Advance past the first's gap
    // only after the second arrived: one summary, covering both.
    await deliver('2025-11-09-235550-supply-round-1.txt');
    await deliver('2025-11-10-000915-etl_adlernest-round-1.txt');
    await clock.advance(50 * 60_000);
    expect(b.posts.count).to.equal(2);
    await clock.advance(15 * 60_000);
    await b.posts.waitForCount(3);
    const summary = b.posts.posts[2]!.reply.embeds![0]!;
    expect(summary.title).to.equal('Session over · 2025-11-09');
    // Two R1s whose R2 never came: the count adds up to the two maps listed.
    expect(summary.description).to.include('0 maps played to the end, 2 left after R1, 2 rounds');
  });

  it('stays quiet for rounds older than maxAgeHours (a backfill)', async () => {
    // Clock at 2025-11-10 12:00 UTC: session 1 (2025-11-07) and session 2 (ended 00:49) are older than 6 h.
    const b = await start({ channelId: CHANNEL, maxAgeHours: 6 }, undefined, Date.UTC(2025, 10, 10, 12, 0, 0));
    await b.importFiles(FIXTURES);
    await clock.advance(3 * 3_600_000);
    expect(b.posts.count).to.equal(0);
  });

  it('is off without a channel, and uses discord.announceChannelId when the option is not set', async () => {
    let b = await start({});
    await deliver(SESSION_2[0]!);
    expect(b.posts.count).to.equal(0);
    await b.stop();
    b = await start({}, { discord: { announceChannelId: '777' } });
    await deliver(SESSION_2[0]!);
    expect(b.posts.posts.map((p) => p.channelId)).to.deep.equal(['777']);
  });

  it('goes with last-session, whose summaries make every post, and comes back with it', async () => {
    const b = await start({ channelId: CHANNEL });
    const state = () => b.app.plugins.list().find((p) => p.id === 'announcer')!.state;
    await b.app.plugins.disable('last-session');
    expect(state()).to.equal('disabled');
    await deliver(SESSION_2[0]!);
    expect(b.posts.count).to.equal(0);
    await b.app.plugins.enable('last-session');
    expect(state()).to.equal('enabled');
    await deliver(SESSION_2[1]!);
    expect(titles(b.posts.posts)).to.deep.equal(['erdenberg\\_t2 · round 2']);
  });
});
