import { expect } from 'chai';
import fs from 'node:fs';
import { QueryServices } from '../../core/queries/tokens';
import type { PlayerLookupService } from '../../core/queries/player-lookup';
import type { PlayerStatsService } from '../../core/queries/player-stats';
import type { LeaderboardService } from '../../core/queries/leaderboards';
import { parseTimeWindow } from '../../core/queries/time-window';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';
import { writeHandFiles } from './hand-files';

/**
 * The hand-made files of hand-files.ts. Every expected number below is worked out by hand from
 * the table in that file (R2 lines are written cumulative; the importer must take R2 - R1).
 */
forEachDatabase('query services on hand-made files', (database) => {
  let bot: FixtureBot;
  let dir: string;
  let players: PlayerLookupService;
  let stats: PlayerStatsService;
  let boards: LeaderboardService;

  before(async () => {
    dir = writeHandFiles();
    bot = await createFixtureBot({ database, plugins: [], importPaths: [dir] });
    players = bot.app.container.resolve(QueryServices.Players.id);
    stats = bot.app.container.resolve(QueryServices.PlayerStats.id);
    boards = bot.app.container.resolve(QueryServices.Leaderboards.id);
  });
  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the three files', () => {
    expect(bot.imported!.imported).to.equal(3);
  });

  describe('names with LIKE wildcards and quotes are found exactly', () => {
    it("'_' matches only a name with an underscore, not any one character", async () => {
      // Unescaped, '%_%' would match all five names; escaped, only 'a_b'.
      expect(await players.find('_')).to.deep.equal({ kind: 'found', player: { guid: 'AAAA0001', name: 'a_b' }, matchedBy: 'partial' });
      expect(await players.find('a_b')).to.deep.equal({ kind: 'found', player: { guid: 'AAAA0001', name: 'a_b' }, matchedBy: 'name' });
      expect(await players.find('axb')).to.deep.equal({ kind: 'found', player: { guid: 'AAAA0002', name: 'axb' }, matchedBy: 'name' });
    });

    it("'%' matches only a name with a percent sign", async () => {
      // '0%' unescaped would also match '10x0' (anything with a 0).
      expect(await players.find('0%')).to.deep.equal({ kind: 'found', player: { guid: 'AAAA0003', name: '100%' }, matchedBy: 'partial' });
      expect(await players.find('100%')).to.deep.equal({ kind: 'found', player: { guid: 'AAAA0003', name: '100%' }, matchedBy: 'name' });
    });

    it('quotes and apostrophes are plain characters', async () => {
      expect(await players.find(`quote"d 'it'`)).to.deep.equal({ kind: 'found', player: { guid: 'AAAA0005', name: `Quote"d 'it'` }, matchedBy: 'name' });
      expect(await players.find(`'it'`)).to.deep.include({ kind: 'found', matchedBy: 'partial' });
    });
  });

  it('sums the R2-only values and computes ratios from the sums', async () => {
    // a_b: kills 4 + 2 + 5 = 11, deaths 2 + 1 + 1 = 4 -> K/D 2.75; hits 10 + 6 + 20 = 36,
    // shots 40 + 20 + 50 = 110 -> 32.727 -> 32.73 %; head hits 3 + 1 + 4 = 8 -> 8/36 = 22.22 %;
    // seconds 600 + 480 + 720 = 1800; damage 800 + 400 + 1000 = 2200 -> DPM 2200 x 60 / 1800 = 73.33.
    const { totals } = await stats.summary({ guid: 'AAAA0001', name: 'a_b' });
    expect(totals).to.deep.include({
      rounds: 3,
      kills: 11,
      deaths: 4,
      kd: 2.75,
      hits: 36,
      shots: 110,
      accuracy: 32.73,
      headshots: 8,
      headshotPercent: 22.22,
      timePlayedSeconds: 1800,
      damageGiven: 2200,
      damageReceived: 550,
      dpm: 73.33,
    });
    // 100%: 3 kills, 1 death -> 3.00; 8 hits / 19 shots = 42.105 -> 42.11; 500 damage in 780 s -> 38.46.
    const hundred = await stats.summary({ guid: 'AAAA0003', name: '100%' });
    expect(hundred.totals).to.deep.include({ rounds: 2, kd: 3, accuracy: 42.11, dpm: 38.46, timePlayedSeconds: 780 });
  });

  it('counts rounds won attacking and defending per map', async () => {
    // a_b on supply: R1 on allies (attacking, defender is axis) and the attackers succeeded -> 1
    // won attacking; R2 on axis (defending) and the defenders held -> 1 won defending.
    // K/D (4+2)/(2+1) = 2.00; DPM 1200 x 60 / 1080 = 66.67. Radar: attacking, held -> no win.
    const maps = await stats.maps({ guid: 'AAAA0001', name: 'a_b' });
    expect(maps.map((m) => [m.map, m.rounds, m.roundsWonAttacking, m.roundsWonDefending, m.kd, m.dpm])).to.deep.equal([
      ['supply', 2, 1, 1, 2, 66.67],
      ['radar', 1, 0, 0, 5, 83.33],
    ]);
    // axb on supply: R1 defending while the attackers succeeded, R2 attacking while the defenders
    // held: no wins. On radar axb is on axis (defending) and the defenders held: 1 won defending.
    const axb = await stats.maps({ guid: 'AAAA0002', name: 'axb' });
    expect(axb.map((m) => [m.map, m.roundsWonAttacking, m.roundsWonDefending])).to.deep.equal([
      ['supply', 0, 0],
      ['radar', 0, 1],
    ]);
  });

  it('names weapons as players know them', async () => {
    const weapons = await stats.weapons({ guid: 'AAAA0001', name: 'a_b' });
    expect(weapons.map((w) => [w.name, w.kills, w.deaths, w.accuracy, w.headshotPercent])).to.deep.equal([['MP40', 11, 4, 32.73, 22.22]]);
  });

  describe('leaderboard windows and thresholds', () => {
    const now = Date.parse('2024-06-01T00:00:00Z');

    it('limits a board to a date', async () => {
      // 2024-05-01 (supply R1 + R2): a_b 4+2 = 6, 10x0 3+3 = 6, 100% 1+2 = 3, axb 2+1 = 3, Quote 0+1 = 1.
      // Equal values share a rank and are ordered by name ('1' sorts before 'a').
      const board = await boards.board('kills', { window: parseTimeWindow('2024-05-01', now)! });
      expect(board.entries.map((e) => [e.rank, e.player.name, e.value])).to.deep.equal([
        [1, '10x0', 6],
        [1, 'a_b', 6],
        [3, '100%', 3],
        [3, 'axb', 3],
        [5, `Quote"d 'it'`, 1],
      ]);
    });

    it('limits a board to the last N days', async () => {
      // 30 days before 2024-06-01T00:00Z is 2024-05-02T00:00Z: only radar (a_b 5, axb 1).
      const board = await boards.board('kills', { window: parseTimeWindow('30d', now)! });
      expect(board.entries.map((e) => [e.player.name, e.value])).to.deep.equal([
        ['a_b', 5],
        ['axb', 1],
      ]);
    });

    it('keeps players under the minimum rounds off ratio boards', async () => {
      // Default 10 rounds: nobody. Minimum 3: a_b 11/4 = 2.75 and axb 4/12 = 0.33.
      expect((await boards.board('kd')).entries).to.deep.equal([]);
      const three = await boards.board('kd', { minRounds: 3 });
      expect(three.entries.map((e) => [e.player.name, e.value])).to.deep.equal([
        ['a_b', 2.75],
        ['axb', 0.33],
      ]);
      // Minimum 2: 100% 3/1 = 3.00 tops; 10x0 6/5 = 1.20; axb 0.33 and Quote 1/3 = 0.33 share rank 4.
      const two = await boards.board('kd', { minRounds: 2 });
      expect(two.entries.map((e) => [e.rank, e.player.name, e.value])).to.deep.equal([
        [1, '100%', 3],
        [2, 'a_b', 2.75],
        [3, '10x0', 1.2],
        [4, 'axb', 0.33],
        [4, `Quote"d 'it'`, 0.33],
      ]);
    });

    it('ranks teamwork lowest first', async () => {
      // Nobody did team damage: all 0.00 per minute, one shared rank, by name.
      const board = await boards.board('teamwork', { minRounds: 1 });
      expect(board.entries.map((e) => e.rank)).to.deep.equal([1, 1, 1, 1, 1]);
    });
  });
});
