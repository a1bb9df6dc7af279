import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, forEachDatabase, ManualClock, replyText, type TestBot } from 'etbot/testing';

// Written as the plugin's own repository would: etbot/testing only. This file runs from dist/test/sdk.
const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const STREAKS = { path: 'examples/streaks-plugin' };

/*
 * Worked out by hand from fixtures/ (spec §4 R2 derivation, §9 counting; the per-player kills,
 * deaths and round counts agree with fixtures/truth.json). Each player's counted rounds in time
 * order, + when K/D >= 1 in that round (kills/deaths, kills when no deaths), - otherwise:
 *   slasher (B5F6FD48)   ++++++++++++++-++++  19 rounds: longest 14 (2025-11-07 20:41 supply R1 to
 *                        2025-11-09 23:45 te_escape2 R2), current 4; best killing spree 15 in
 *                        2025-11-09 23:38 te_escape2 R1 (his R2 on erdenberg_t2 is a reconnect).
 *   Snake (39137DDE)     +--+++-++++-++++-++  longest 4 (2025-11-07 21:55 sw_goldrush_te R2 to
 *                        2025-11-09 23:19 et_brewdog R1), current 2; spree 7 in 2025-11-10 00:09 etl_adlernest R1.
 *   Doc "Holliday"       +++++++-+++++++++++  longest 11, current 11.
 *   sub.way (12FDAAA7)   +++-++++--++++       14 rounds (a substitute from te_escape2 R2 on).
 *   Question (434960FE)  ++-++++-+-++-+++---  current 0.
 * 16 players have counted rounds (truth.json lists 16).
 */
forEachDatabase('streaks example plugin', (handle) => {
  let bot: TestBot;
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12, 0, 0));

  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['stats', STREAKS], baseDir: PROJECT_ROOT, clock, scheduler: true });
  });

  after(async () => {
    await bot?.stop();
  });

  it('loads by path from plugins.json-style entry', () => {
    const status = bot.app.plugins.list().find((p) => p.id === 'streaks')!;
    expect(status.state, status.error ?? '').to.equal('enabled');
    expect(status.ref).to.equal('examples/streaks-plugin');
    expect(status.version).to.equal('1.1.0');
    expect(bot.commands()).to.include.members(['streaks', 'streak']);
    expect(bot.jobs()).to.deep.equal(['streaks:recompute']);
  });

  it('ran its migration in timestamp order after the core schema, recorded in etbot_migrations', async () => {
    const rows = await bot.db.read((sql) => sql.all<{ name: string }>('SELECT name FROM etbot_migrations ORDER BY id'));
    const names = rows.map((r) => r.name);
    expect(names.length).to.be.greaterThan(1);
    expect(names.filter((n) => n.startsWith('Streaks'))).to.deep.equal(['StreaksTable1765100000000']);
    // Migrations run in timestamp order, core and plugins together: after every earlier one (the core schema first).
    const stamp = (n: string) => Number(/(\d{13})$/.exec(n)?.[1]);
    const at = names.indexOf('StreaksTable1765100000000');
    expect(names[0]).to.equal('CoreSchema1764000000000');
    expect(names.slice(0, at).every((n) => stamp(n) < stamp('StreaksTable1765100000000'))).to.equal(true);
    expect(names.slice(at + 1).every((n) => stamp(n) > stamp('StreaksTable1765100000000'))).to.equal(true);
  });

  it('filled its table from round.imported while the fixtures were imported', async () => {
    const rows = await bot.db.read((sql) =>
      sql.all<{ guid: string; rounds: unknown; longest_run: unknown; current_run: unknown; best_spree: unknown }>(
        `SELECT guid, rounds, longest_run, current_run, best_spree FROM streaks_player_streaks ORDER BY guid`,
      ),
    );
    expect(rows).to.have.length(16);
    const slasher = rows.find((r) => r.guid === 'B5F6FD48')!;
    expect([Number(slasher.rounds), Number(slasher.longest_run), Number(slasher.current_run), Number(slasher.best_spree)]).to.deep.equal([19, 14, 4, 15]);
  });

  it('!streaks answers with the hand-worked runs and spree', async () => {
    expect(await bot.text('!streaks slasher')).to.equal(
      [
        'Streaks for slasher',
        'Longest run (K/D ≥ 1): 14 rounds: 2025-11-07 20:41 supply R1 to 2025-11-09 23:45 te_escape2 R2',
        'Current run: 4 rounds',
        'Rounds counted: 19',
        'Best killing spree: 15 kills (2025-11-09 23:38 te_escape2 R1)',
        'K/D per round = kills / deaths (kills when no deaths) · GUID B5F6FD48',
      ].join('\n'),
    );
    const snake = await bot.text('!streak snake');
    expect(snake).to.contain('Longest run (K/D ≥ 1): 4 rounds: 2025-11-07 21:55 sw_goldrush_te R2 to 2025-11-09 23:19 et_brewdog R1');
    expect(snake).to.contain('Current run: 2 rounds');
    expect(snake).to.contain('Best killing spree: 7 kills (2025-11-10 00:09 etl_adlernest R1)');
    expect(await bot.text('!streaks FC2A053D'))
      .to.contain('Longest run (K/D ≥ 1): 11 rounds')
      .and.contain('Current run: 11 rounds');
    expect(await bot.text('!streaks sub.way')).to.contain('Rounds counted: 14');
    expect(await bot.text('!streaks Question')).to.contain('Current run: 0 rounds');
  });

  it('escapes map names for Discord and explains an unknown player', async () => {
    const discord = await bot.run('!streaks snake', { transport: 'discord' });
    expect(discord.embeds![0]!.fields![0]!.value).to.equal('4 rounds: 2025-11-07 21:55 sw\\_goldrush\\_te R2 to 2025-11-09 23:19 et\\_brewdog R1');
    expect(await bot.text('!streaks snake')).to.contain('sw_goldrush_te R2');
    expect(await bot.text('!streaks nobody-like-this')).to.contain("No player matches 'nobody-like-this'");
  });

  it("answers an unlinked caller with the bot's own prefix in the hint (ctx.prefix)", async () => {
    expect(await bot.text('!streaks', { as: '300000000000000077' })).to.equal(
      'Your Discord account is not linked to a player. Name a player, or link yourself with `!link <name or GUID>`.',
    );
  });

  it('its round.imported handler recomputes the players of the round it is told about (emit)', async () => {
    await bot.db.transaction((sql) => sql.run(`DELETE FROM streaks_player_streaks`));
    const round = await bot.db.read((sql) => sql.one<{ id: unknown }>(`SELECT id FROM rounds WHERE file_name = '2025-11-09-233856-te_escape2-round-1.txt'`));
    await bot.emit('round.imported', {
      roundId: Number(round!.id),
      file: '2025-11-09-233856-te_escape2-round-1.txt',
      serverId: 'default',
      map: 'te_escape2',
      round: 1,
      endedAt: '2025-11-09T23:38:56',
      rederivedRoundIds: [],
    });
    const rows = await bot.db.read((sql) => sql.all<{ guid: string; longest_run: unknown }>('SELECT guid, longest_run FROM streaks_player_streaks'));
    // The 14 lines of that file (the bot's identity is OMNIBOT0 + its clean name).
    expect(rows.map((r) => r.guid).sort()).to.deep.equal(
      [
        '12FDAAA7',
        '1E4887BA',
        '39137DDE',
        '434960FE',
        '66CED760',
        '713D6612',
        '786EC1CB',
        '998081B5',
        'B0B0BEAF',
        'B3539E31',
        'B5F6FD48',
        'B70C1A74',
        'FC2A053D',
        'OMNIBOT0[BOT]Bolt',
      ].sort(),
    );
    expect(Number(rows.find((r) => r.guid === 'B5F6FD48')!.longest_run)).to.equal(14);
  });

  it('its job recomputes the table and prunes players without counted rounds (runJob)', async () => {
    await bot.db.transaction(async (sql) => {
      await sql.run(`UPDATE streaks_player_streaks SET longest_run = 99 WHERE guid = 'B5F6FD48'`);
      await sql.run(
        `INSERT INTO streaks_player_streaks (guid, name, rounds, min_kd, longest_run, current_run, best_spree, updated_at) VALUES ('DEADBEEF', 'gone', 1, 1, 1, 1, 1, 'x')`,
      );
    });
    await bot.runJob('streaks', 'recompute');
    const rows = await bot.db.read((sql) =>
      sql.all<{ guid: string; longest_run: unknown; updated_at: string }>('SELECT guid, longest_run, updated_at FROM streaks_player_streaks'),
    );
    expect(rows).to.have.length(16);
    expect(rows.some((r) => r.guid === 'DEADBEEF')).to.equal(false);
    expect(Number(rows.find((r) => r.guid === 'B5F6FD48')!.longest_run)).to.equal(14);
    expect(new Set(rows.map((r) => r.updated_at))).to.deep.equal(new Set([new Date(clock.now()).toISOString()]));
  });

  it('its job also runs every hour on the clock', async () => {
    await bot.db.transaction((sql) => sql.run(`DELETE FROM streaks_player_streaks`));
    const recomputed = new Promise<void>((resolve) => {
      const subscription = bot.app.events.on('streaks.updated', (e) => {
        if (e.reason !== 'recompute') return;
        void subscription.dispose();
        resolve();
      });
    });
    await clock.advance(60 * 60 * 1000);
    await recomputed;
    const count = await bot.db.read((sql) => sql.one<{ n: unknown }>('SELECT COUNT(*) AS n FROM streaks_player_streaks'));
    expect(Number(count!.n)).to.equal(16);
    expect(bot.app.scheduler.list().find((j) => j.id === 'streaks:recompute')!.lastError).to.equal(null);
  });

  it('disabling it removes its commands and jobs; enabling brings them back', async () => {
    await bot.app.plugins.disable('streaks');
    expect(bot.commands()).to.not.include.members(['streaks']);
    expect(bot.commands()).to.not.include('streak');
    expect(bot.jobs()).to.deep.equal([]);
    const reply = await bot.run('!streaks slasher');
    expect(reply.isError).to.equal(true);
    expect(replyText(reply)).to.match(/streaks/);
    await bot.app.plugins.enable('streaks');
    expect(bot.jobs()).to.deep.equal(['streaks:recompute']);
    expect(await bot.text('!streaks slasher')).to.contain('14 rounds');
  });

  it('a newly imported round extends the run (importFile): slasher with his 12/4 line on a later evening', async () => {
    // One more R1, two days later, holding only slasher's line of the 2025-11-10 sw_goldrush_te R1 (12 kills, 4 deaths).
    const source = fs.readFileSync(path.join(FIXTURES_DIR, '2025-11-10-003633-sw_goldrush_te-round-1.txt'), 'utf8').split('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-streaks-'));
    try {
      const file = path.join(dir, '2025-11-12-200000-sw_goldrush_te-round-1.txt');
      fs.writeFileSync(file, `${source[0]}\n${source.find((l) => l.startsWith('B5F6FD48\\'))}\n`);
      const summary = await bot.importFile(file);
      expect(summary.imported, JSON.stringify(summary)).to.equal(1);
      const text = await bot.text('!streaks slasher');
      expect(text).to.contain('Current run: 5 rounds');
      expect(text).to.contain('Rounds counted: 20');
      expect(text).to.contain('Longest run (K/D ≥ 1): 14 rounds');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('streaks example plugin options', () => {
  it('a higher K/D threshold gives shorter runs (minKd 2: slasher hand-worked)', async () => {
    const bot = await createTestBot({ plugins: [{ ...STREAKS, options: { minKd: 2 } }], baseDir: PROJECT_ROOT });
    try {
      const text = await bot.text('!streaks slasher');
      expect(text).to.contain(`Longest run (K/D ≥ 2): ${MIN_KD_2_SLASHER.longest}`);
      expect(text).to.contain(`Current run: ${MIN_KD_2_SLASHER.current}`);
    } finally {
      await bot.stop();
    }
  });

  it('refuses a bad option with the option, the value and the reason', async () => {
    const bot = await createTestBot({ plugins: [{ ...STREAKS, options: { minKd: -1 } }], baseDir: PROJECT_ROOT, fixtures: false });
    try {
      const status = bot.app.plugins.list().find((p) => p.ref === 'examples/streaks-plugin')!;
      expect(status.state).to.equal('failed');
      expect(status.error).to.contain("option 'minKd' is -1");
      expect(bot.commands()).to.not.include('streaks');
    } finally {
      await bot.stop();
    }
  });
});

/**
 * slasher's (kills, deaths) per counted round, by hand from fixtures/: (7,2) (5,1) (6,0) (14,7)
 * (11,1) (2,1) (10,0) (3,1) | (4,3) | (2,0) (6,0) | (1,1) | (15,0) (2,1) | (3,7) (8,6) | (6,3) (12,4) (8,0):
 * K/D >= 2 gives ++++++++-++-++--+++, so the longest run is the first 8 rounds and the current run 3.
 */
const MIN_KD_2_SLASHER = { longest: '8 rounds: 2025-11-07 20:41 supply R1 to 2025-11-07 21:55 sw_goldrush_te R2', current: '3 rounds' };
