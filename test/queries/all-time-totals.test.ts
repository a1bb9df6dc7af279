import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { AllTimeTotals } from '../../core/queries/all-time-totals';
import { piecesOfPlayers } from '../../core/queries/player-pieces';
import { num } from '../../core/data/sql';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';
import { writeHandFiles } from './hand-files';

forEachDatabase('all-time totals kept across imports', (database) => {
  let bot: FixtureBot;
  let dir: string;
  before(async () => {
    dir = writeHandFiles();
    bot = await createFixtureBot({ database, plugins: [], importPaths: [path.join(dir, '2024-05-01-201000-supply-round-1.txt')] });
  });
  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const kills = async (store: AllTimeTotals) => Object.fromEntries((await store.rows()).map((r) => [r.player.name, r.totals.kills]).sort());

  it('refreshes the players of each imported round, and a background rebuild catches a replaced file', async () => {
    const store = new AllTimeTotals(bot.db, () => undefined, 0);
    bot.app.events.on('round.imported', (p) => store.roundImported(p), 'test');
    // supply R1 only: kills as written (hand-files.ts).
    expect(await kills(store)).to.deep.equal({ '100%': 1, '10x0': 3, [`Quote"d 'it'`]: 0, a_b: 4, axb: 2 });
    await bot.importer.importFile(path.join(dir, '2024-05-01-202500-supply-round-2.txt'), { source: 'test' });
    await bot.importer.importFile(path.join(dir, '2024-05-03-210000-radar-round-1.txt'), { source: 'test' });
    // + R2 (4+2, 2+1, 1+2, 3+3, 0+1) + radar (a_b 5, axb 1).
    expect(await kills(store)).to.deep.equal({ '100%': 3, '10x0': 6, [`Quote"d 'it'`]: 1, a_b: 11, axb: 4 });
    await store.settled();

    // The radar file again under the same name without axb's line: axb is not in the new round.
    const radar = path.join(dir, '2024-05-03-210000-radar-round-1.txt');
    const lines = fs.readFileSync(radar, 'utf8').split('\n');
    fs.writeFileSync(radar, lines.filter((l) => !l.startsWith('AAAA0002')).join('\n'));
    const outcome = await bot.importer.importFile(radar, { source: 'test' });
    expect(outcome.status).to.equal('replaced');
    await store.settled();
    // axb: 2 + 1 = 3 without radar; a_b unchanged 11.
    expect(await kills(store)).to.deep.equal({ '100%': 3, '10x0': 6, [`Quote"d 'it'`]: 1, a_b: 11, axb: 3 });
    store.close();
  });

  it('built in pieces of two counted rounds (a player or two a read), it equals the build in one piece (totals, weapons and maps)', async () => {
    const whole = new AllTimeTotals(bot.db, () => undefined, 0);
    const inPieces = new AllTimeTotals(bot.db, () => undefined, 0, 2);
    const byGuid = (rows: Awaited<ReturnType<AllTimeTotals['rows']>>) => [...rows].sort((a, b) => a.player.guid.localeCompare(b.player.guid));
    const rows = byGuid(await inPieces.rows());
    expect(rows.length, 'players (more than one piece of two)').to.be.greaterThan(2);
    expect(rows).to.deep.equal(byGuid(await whole.rows()));
    for (const { player } of rows) expect(await inPieces.playerDetail(player.guid), player.name).to.deep.equal(await whole.playerDetail(player.guid));
    whole.close();
    inPieces.close();
  });

  it('lets the event loop turn between the reads of a build, so a command arriving meanwhile waits for one piece, not all', async () => {
    // SQLite runs statements synchronously: without a turn between reads the whole build would
    // finish before a timer set as it started could run.
    const store = new AllTimeTotals(bot.db, () => undefined, 0, 1);
    let built = false;
    const build = store.build().then(() => {
      built = true;
    });
    const builtWhenTimerRan = await new Promise<boolean>((resolve) => setImmediate(() => resolve(built)));
    await build;
    expect(builtWhenTimerRan).to.equal(false);
    expect(built).to.equal(true);
    store.close();
  });

  it('cuts the players into pieces of at most the budget of counted rounds, a bigger player alone, each player once in GUID order', async () => {
    const counted = await bot.db.read((sql) => sql.all('SELECT guid, COUNT(*) AS n FROM player_rounds WHERE in_totals = TRUE GROUP BY guid'));
    const rows = new Map(counted.map((r) => [String(r.guid), num(r.n)]));
    const budget = Math.max(...rows.values()) - 1; // the busiest player is over it
    const pieces = await piecesOfPlayers(bot.db, null, budget);
    expect(pieces.flat()).to.deep.equal([...rows.keys()].sort());
    for (const piece of pieces) {
      const total = piece.reduce((sum, guid) => sum + rows.get(guid)!, 0);
      if (piece.length > 1) expect(total, piece.join(',')).to.be.at.most(budget);
    }
    expect(
      pieces.some((p) => p.length === 1 && rows.get(p[0]!)! > budget),
      'the busiest player alone',
    ).to.equal(true);
    // Asked for two players (one unknown): only the known one, in one piece.
    const [first] = [...rows.keys()].sort();
    expect(await piecesOfPlayers(bot.db, ['NOSUCHGUID', first!])).to.deep.equal([[first]]);
  });
});
