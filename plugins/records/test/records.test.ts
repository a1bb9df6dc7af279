import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, forEachDatabase, type TestBot } from 'etbot/testing';

const FIXTURES = fs
  .readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** A fixed shuffle (so a failure can be replayed). */
function shuffled(files: readonly string[], seed: number): string[] {
  const out = [...files];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const PROBES = ['!records', '!records kills', '!records dpm', '!records supply', '!records te_escape2', '!pb slasher', '!awards 1', '!awards 2', '!awards all'];

forEachDatabase('records plugin', (handle) => {
  let bot: TestBot | undefined;

  async function start(order: readonly string[] | null): Promise<TestBot> {
    await handle.reset();
    bot = await createTestBot({ database: handle.url, plugins: ['records', 'awards'], fixtures: order === null });
    for (const f of order ?? []) await bot.importFile(path.join(FIXTURES_DIR, f));
    return bot;
  }

  async function answers(b: TestBot): Promise<string[]> {
    const out: string[] = [];
    for (const line of PROBES) out.push(await b.text(line));
    return out;
  }

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('holds the single-round records and map times worked out by hand', async () => {
    const b = await start(null);
    const book = await b.text('!records');
    // Weapon kills summed per line; R2 minus R1. slasher's te_escape2 R1 line on 2025-11-09: 15 kills,
    // and field 10 (best spree) 15. DPM: arrow ^ up, etl_adlernest R2 2025-11-07: (R2 - R1) damage
    // 60 x 3,686 / 410 s = 539.2 (at least 5 min played).
    expect(book).to.contain('Most kills: 15: slasher · 2025-11-09 · te_escape2 (`2025-11-09-233856-te_escape2-round-1.txt`)');
    expect(book).to.contain('Longest killing spree: 15: slasher · 2025-11-09 · te_escape2');
    expect(book).to.contain('Highest DPM (5+ min played): 539.2: arrow ^ up · 2025-11-07 · etl_adlernest (`2025-11-07-211602-etl_adlernest-round-2.txt`)');
    expect(book).not.to.contain('Bolt');
    // The top list ranks rounds by their best player: Doc "Holliday"'s 13 shares slasher's 14-kill round.
    expect(await b.text('!records kills')).to.match(
      /^Records · Most kills in one round\n1\. \*\*15\*\* slasher · 2025-11-09 · te_escape2\n2\. \*\*14\*\* slasher · 2025-11-07 · etl_adlernest\n3\. \*\*12\*\* slasher · 2025-11-10 · sw_goldrush_te\n/,
    );
    // Headers (timelimit \ nextTimeLimit when the attackers succeeded): supply 12:00\9:37 then
    // 9:37\7:01 (2025-11-07) and 12:00\7:53 (2025-11-09): fastest 7:01, won by 2:36.
    const supply = await b.text('!records supply');
    expect(supply).to.contain('Fastest stopwatch time (attackers): 7:01: 2025-11-07 · round 2 (`2025-11-07-205036-supply-round-2.txt`)');
    expect(supply).to.contain('Most lopsided win (time beaten by): 2:36: 2025-11-07');
    // te_escape2: 9:46, 7:08 (11-07), 10:28, 4:39 (11-09): 4:39; R2 10:28 -> 4:39 won by 5:49.
    const escape = await b.text('!records te_escape2');
    expect(escape).to.contain('Fastest stopwatch time (attackers): 4:39: 2025-11-09');
    expect(escape).to.contain('Most lopsided win (time beaten by): 5:49: 2025-11-09');
    // et_brewdog: R1 attackers (defenderteam 2, winner 1) set 4:13; R2's 71:05 is server uptime, not a time.
    expect(await b.text('!records et_brewdog')).to.contain('Fastest stopwatch time (attackers): 4:13: 2025-11-09');
    // etl_sp_delivery's only file is an orphan R2: nothing of it counts.
    expect(await b.text('!records etl_sp_delivery')).to.contain("'etl_sp_delivery' is neither a record");
    expect(await b.text('!pb slasher')).to.contain('**Most kills**: 15 · 2025-11-09 · te_escape2 round 1');
  });

  it('gives the same records and awards whatever the import order, and after a rebuild', async () => {
    const expected = await answers(await start(FIXTURES));
    await bot!.stop();
    for (const order of [[...FIXTURES].reverse(), shuffled(FIXTURES, 7), shuffled(FIXTURES, 2025)]) {
      const b = await start(order);
      expect(await answers(b), order.join(' ')).to.deep.equal(expected);
      await b.stop();
      bot = undefined;
    }
    // A book whose version does not match (imports another process made) is rebuilt at start.
    const b = await start(shuffled(FIXTURES, 3));
    await b.db.transaction((sql) => sql.run("UPDATE records_state SET value = 'stale' WHERE key = 'version'"));
    await b.db.transaction((sql) => sql.run('DELETE FROM records_round_bests'));
    await b.app.plugins.reload('records');
    expect(await answers(b)).to.deep.equal(expected);
  });
});
