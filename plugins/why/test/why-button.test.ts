import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestBot, forEachDatabase, runEtbot, type RecordedRequest, type TestBot } from 'etbot/testing';

const EPHEMERAL = 64;
// The fixtures' latest round (2025-11-10 00:49) and session #2 (2025-11-09, six maps in play order).
const LAST_FILE = '2025-11-10-004911-sw_goldrush_te-round-2.txt';
const SESSION_2_MAPS = ['erdenberg_t2', 'et_brewdog', 'te_escape2', 'supply', 'etl_adlernest', 'sw_goldrush_te'];

/** The buttons of a message or callback body: [custom id, label] per row. */
function rows(body: { components?: { components: { custom_id: string; label: string }[] }[] }): [string, string][][] {
  return (body.components ?? []).map((row) => row.components.map((b) => [b.custom_id, b.label]));
}

/** A folder for the real binary with a plugins.json of these plugins, on the test's database. */
function cli(url: string, plugins: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-why-button-'));
  fs.writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: plugins.map((id) => ({ id })) }));
  fs.writeFileSync(path.join(dir, 'etbot.config.json'), JSON.stringify({ dataDir: path.join(dir, 'data') }));
  return {
    run: async (line: string) => {
      const result = await runEtbot(['run', line], { cwd: dir, env: { DATABASE_URL: url }, timeoutMs: 120_000 });
      expect(result.code, result.stderr).to.equal(0);
      return result.stdout.trimEnd();
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

forEachDatabase('the "Why?" button under !last_round and !last_session', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['why', 'last-session'], discord: true });
  });
  after(async () => bot?.stop());

  it('!last_round on Discord: a press shows the map result of that round (what !why <its file> says), to the presser only', async () => {
    const fake = bot.fakeDiscord!;
    fake.sendUserMessage('!last_round');
    const post = await fake.waitForChannelMessage();
    expect(post.body.embeds[0].title).to.equal('sw\\_goldrush\\_te · round 2');
    expect(rows(post.body)).to.deep.equal([[[`etbot-run:why ${LAST_FILE}`, 'Why?']]]);

    const press = fake.pressButton(post.response.id as string, `etbot-run:why ${LAST_FILE}`, { user: fake.world.users.bob });
    expect((await fake.waitForCallback(press)).body.data.flags).to.equal(EPHEMERAL);
    const answer = await fake.waitForOriginalEdit(press);
    // R1 held the full 12:00, R2's attackers beat it (see why.test.ts for the fields).
    expect(answer.body.embeds[0].title).to.equal('Why: sw_goldrush_te · 2025-11-10 00:36');
    expect(answer.body.embeds[0].description).to.contain('Rule: R2 attackers (allies) beat 12:00 → 2-0 for them.');
    expect(`${answer.body.embeds[0].title}\n${answer.body.embeds[0].description}`).to.equal(await bot.text('!why last'));
  });

  it('!last_session on Discord: a press shows the MVP, then each map of that session a page', async () => {
    const fake = bot.fakeDiscord!;
    fake.sendUserMessage('!last_session maps');
    const post = await fake.waitForChannelMessage();
    expect(rows(post.body)).to.deep.equal([[['etbot-run:why session 2', 'Why?']]]);

    const press = fake.pressButton(post.response.id as string, 'etbot-run:why session 2', { user: fake.world.users.bob });
    const first: RecordedRequest = await fake.waitForOriginalEdit(press);
    expect(first.body.embeds[0].title).to.equal('Why: MVP of the session of 2025-11-09');
    expect(first.body.embeds[0].description).to.contain('MVP: #clantag, 45.9 points ahead of the runner-up arrow ^ up.');
    expect(first.body.embeds[0].footer.text).to.equal('Session #2 · 2025-11-09 · page 1/7');
    const [pageRow] = rows(first.body);
    expect(pageRow!.map(([, label]) => label)).to.deep.equal(['◀ Prev', '1 / 7', 'Next ▶']);

    const next = fake.pressButton(fake.originalMessage(press)!.id, pageRow![2]![0], { user: fake.world.users.bob });
    const second = await fake.waitForOriginalEdit(next);
    expect(second.body.embeds[0].title).to.equal('Why: erdenberg_t2 · 2025-11-09 23:01');
    expect(second.body.embeds[0].footer.text).to.equal('Session #2 · 2025-11-09 · page 2/7');
  });

  it('on the console: the reply names the command that gives the same text', async function () {
    this.timeout(300_000);
    const etbot = cli(handle.url, ['why', 'last-session']);
    try {
      expect((await etbot.run('!last_round')).split('\n').at(-1)).to.equal(`Why? → !why ${LAST_FILE}`);
      expect((await etbot.run('!last_session maps')).split('\n').at(-1)).to.equal('Why? → !why session 2');
      // No pages on the console: the MVP and all six maps at once.
      const session = await etbot.run('!why session 2');
      const titles = session.split('\n').filter((l) => l.startsWith('Why: '));
      expect(titles[0]).to.equal('Why: MVP of the session of 2025-11-09');
      expect(titles.slice(1).map((t) => t.split(' ')[1])).to.deep.equal(SESSION_2_MAPS);
      expect(session).to.not.match(/page \d/);
    } finally {
      etbot.remove();
    }
  });

  it('is not there when the why plugin is off', async function () {
    this.timeout(300_000);
    const etbot = cli(handle.url, ['last-session']);
    try {
      expect(await etbot.run('!last_round')).to.not.contain('Why?');
    } finally {
      etbot.remove();
    }
  });
});

describe('the "Why?" button with the why plugin off, on Discord', () => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ plugins: ['last-session'], discord: true });
  });
  after(async () => bot?.stop());

  it('leaves !last_round without buttons', async () => {
    const fake = bot.fakeDiscord!;
    fake.sendUserMessage('!last_round');
    const post = await fake.waitForChannelMessage();
    expect(post.body.embeds[0].title).to.equal('sw\\_goldrush\\_te · round 2');
    expect(rows(post.body)).to.deep.equal([]);
  });
});
