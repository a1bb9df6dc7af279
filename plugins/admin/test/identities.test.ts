import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import {
  createTestBot,
  runEtbot,
  exportPlayers,
  exportRounds,
  exportSessions,
  FIXTURES_DIR,
  forEachDatabase,
  loadFixtureTruth,
  type TestBot,
} from 'etbot/testing';
import { asAdmin, asUser, tempDir } from './admins';

// Snake (39137DDE) plays all 20 rounds of the fixtures. In the "second PC" copy of the fixtures,
// his lines carry a new GUID from the te_escape2 R2 of the first evening on: that R2's R1 still has
// the old GUID, so its R2 values are only right when the pair is derived again as one player.
const SNAKE = '39137DDE';
const LAPTOP = '5AFE0001';
const LAPTOP_FROM = '2025-11-07-213746-te_escape2-round-2.txt';
const PLUGINS = ['admin', 'stats', 'leaderboards', 'sessions', 'last-session', 'rating'];

function fixtureCopy(secondGuidFrom: string | null): string {
  const dir = tempDir('identities');
  for (const name of fs.readdirSync(FIXTURES_DIR).filter((n) => n.endsWith('.txt'))) {
    let content = fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
    if (secondGuidFrom !== null && name >= secondGuidFrom) content = content.replaceAll(`\n${SNAKE}\\`, `\n${LAPTOP}\\`);
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** What players see and what etbot exports: compared between datasets. */
async function answers(bot: TestBot): Promise<Record<string, unknown>> {
  const lines = ['!stats Snake', '!top kills', '!top dpm', '!top rating', '!rating Snake', '!sessions', '!last_session', '!last_session teams'];
  const out: Record<string, unknown> = {};
  for (const line of lines) out[line] = await bot.text(line);
  out.players = await exportPlayers(bot.db);
  out.rounds = await exportRounds(bot.db);
  out.sessions = await exportSessions(bot.db);
  return out;
}

forEachDatabase('one player behind several GUIDs (!merge, !unmerge, !identities)', (db) => {
  const original = fixtureCopy(null);
  const secondPc = fixtureCopy(LAPTOP_FROM);
  let truth: Record<string, unknown>;
  let unmerged: Record<string, unknown>;

  async function withBot<T>(folder: string | null, work: (bot: TestBot) => Promise<T>): Promise<T> {
    await db.reset();
    const bot = await createTestBot({ database: db.url, plugins: PLUGINS, fixtures: folder === null ? false : [folder] });
    try {
      return await work(bot);
    } finally {
      await bot.stop();
    }
  }

  async function ok(bot: TestBot, line: string): Promise<string> {
    const reply = await bot.run(line, asAdmin);
    expect(reply.isError, reply.text).to.not.equal(true);
    return reply.text ?? '';
  }

  before(async function () {
    this.timeout(120_000);
    truth = await withBot(original, answers);
    unmerged = await withBot(secondPc, answers);
  });

  it('the second-PC copy really splits Snake: his totals differ until the GUIDs are merged', () => {
    const t = loadFixtureTruth().players.find((p) => p.guid === SNAKE)!;
    // fixtures/truth.json, worked out from the files: 19 counted rounds, 99 kills, 78 deaths.
    expect([t.rounds, t.kills, t.deaths]).to.deep.equal([19, 99, 78]);
    const split = (unmerged.players as { guid: string; kills: number }[]).filter((p) => p.guid === SNAKE || p.guid === LAPTOP);
    expect(split.map((p) => p.guid)).to.deep.equal([SNAKE, LAPTOP]);
    expect(unmerged['!stats Snake']).to.not.equal(truth['!stats Snake']);
  });

  it('import then merge: every answer and export equals the dataset where the second GUID was the first from the start', async function () {
    this.timeout(120_000);
    const after = await withBot(secondPc, async (bot) => {
      // Asked before the merge: whatever the cache or the in-memory totals kept must not outlive it.
      const before = await answers(bot);
      for (const key of Object.keys(unmerged)) expect(before[key], key).to.deep.equal(unmerged[key]);
      const text = await ok(bot, `!merge ${SNAKE} ${LAPTOP.toLowerCase()}`);
      expect(text).to.match(new RegExp(`^Merged ${LAPTOP} into ${SNAKE} \\(Snake\\): one player with 2 GUIDs \\(${SNAKE}, ${LAPTOP}\\); \\d+ stored rounds`));
      return answers(bot);
    });
    for (const key of Object.keys(truth)) expect(after[key], key).to.deep.equal(truth[key]);
  });

  it('merge then import gives the same, and unmerge gives back the unmerged dataset', async function () {
    this.timeout(120_000);
    await withBot(null, async (bot) => {
      await ok(bot, `!merge ${SNAKE} ${LAPTOP}`);
      await bot.importFile(secondPc);
      const merged = await answers(bot);
      for (const key of Object.keys(truth)) expect(merged[key], key).to.deep.equal(truth[key]);
      expect(await ok(bot, `!unmerge ${LAPTOP}`)).to.match(new RegExp(`^${LAPTOP} is its own player again; \\d+ stored rounds written again\\.$`));
      const apart = await answers(bot);
      for (const key of Object.keys(unmerged)) expect(apart[key], key).to.deep.equal(unmerged[key]);
    });
  });

  it('the merged GUID finds the player, !identities lists both GUIDs, and the per-GUID export keeps each GUID with its identity', async function () {
    this.timeout(120_000);
    await withBot(secondPc, async (bot) => {
      const before = (await exportPlayers(bot.db)).filter((p) => p.guid === SNAKE || p.guid === LAPTOP);
      await ok(bot, `!merge ${SNAKE} ${LAPTOP}`);
      expect(await bot.text(`!stats ${LAPTOP}`)).to.equal(truth['!stats Snake']);
      const listing = await ok(bot, '!identities');
      expect(listing).to.match(
        new RegExp(
          `^1 player with several GUIDs:\\nSnake: ${SNAKE} \\((\\d+) rounds\\), ${LAPTOP} \\((\\d+) rounds, merged \\d{4}-\\d\\d-\\d\\d by ${asAdmin.as}\\)$`,
        ),
      );
      const perGuid = (await exportPlayers(bot.db, { perGuid: true })).filter((p) => p.guid === SNAKE || p.guid === LAPTOP);
      expect(perGuid.map((p) => [p.guid, p.identity, p.name])).to.deep.equal([
        [SNAKE, SNAKE, 'Snake'],
        [LAPTOP, SNAKE, 'Snake'],
      ]);
      // The first GUID's rows are as before; the second's now hold R2 - R1 on the split pair, so
      // together they make the 99 kills of truth.json.
      expect(perGuid[0]!.kills).to.equal(before[0]!.kills);
      expect(perGuid[0]!.kills + perGuid[1]!.kills).to.equal(99);
      const counts = [...listing.matchAll(/\((\d+) rounds/g)].map((m) => Number(m[1]));
      expect(counts).to.deep.equal([perGuid[0]!.rounds, perGuid[1]!.rounds]);
      // The command line gives the same: the plain export follows the identity, --per-guid keeps both GUIDs.
      const cli = async (...args: string[]) => {
        const r = await runEtbot(['export', 'players', ...args], { cwd: tempDir('identities-cli'), env: { DATABASE_URL: db.url } });
        expect(r.code, r.stderr).to.equal(0);
        return (JSON.parse(r.stdout) as { guid: string; identity?: string; kills: number }[]).filter((p) => p.guid === SNAKE || p.guid === LAPTOP);
      };
      expect((await cli()).map((p) => [p.guid, p.kills])).to.deep.equal([[SNAKE, 99]]);
      expect((await cli('--per-guid')).map((p) => [p.guid, p.identity, p.kills])).to.deep.equal(perGuid.map((p) => [p.guid, p.identity, p.kills]));
      const usage = await runEtbot(['export', 'rounds', '--per-guid'], { cwd: tempDir('identities-cli'), env: { DATABASE_URL: db.url } });
      expect([usage.code, usage.stderr.trim()]).to.deep.equal([2, 'etbot: export: --per-guid applies to players only']);
    });
  });

  it('refuses what cannot be one player, clearly, and changes nothing', async function () {
    this.timeout(120_000);
    await withBot(original, async (bot) => {
      const before = await exportPlayers(bot.db);
      const refused = async (line: string, pattern: RegExp) => {
        const reply = await bot.run(line, asAdmin);
        expect(reply.isError, line).to.equal(true);
        expect(reply.text, line).to.match(pattern);
      };
      // Doc "Holliday" and Snake play the same rounds.
      await refused(`!merge ${SNAKE} FC2A053D`, /39137DDE and FC2A053D both played in 2025-11-07-204138-supply-round-1\.txt: they are two people, not one/);
      await refused(`!merge ${SNAKE} ${SNAKE.toLowerCase()}`, /give two different GUIDs/);
      await refused(`!merge ${SNAKE} nope`, /'nope' is not a GUID/);
      await refused(`!merge ${SNAKE} OMNIBOT0[BOT]Bolt`, /bots cannot be merged/);
      await refused(`!unmerge ${SNAKE}`, /39137DDE is not merged with another GUID/);
      expect(await exportPlayers(bot.db)).to.deep.equal(before);
      expect(await ok(bot, '!identities')).to.equal('No GUIDs are merged. !merge <guid> <guid> makes two GUIDs one player.');
      const denied = await bot.run(`!merge ${SNAKE} ${LAPTOP}`, asUser);
      expect(denied.isError).to.equal(true);
      expect(await bot.text('!audit', asAdmin)).to.match(/merge.*denied/s);
    });
  });
});
