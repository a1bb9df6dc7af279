import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { QueryCache } from '../../core/cache/query-cache';
import { AllTimeTotals } from '../../core/queries/all-time-totals';
import { aggregatePlayerDetails, type MapSeen } from '../../core/queries/player-detail-sums';
import { PlayerStatsService } from '../../core/queries/player-stats';
import type { PlayerRef } from '../../core/queries/types';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';
import { HAND_PLAYERS, writeHandFiles } from './hand-files';

/**
 * All-time `!stats` reads weapons and maps from the in-memory all-time totals: they must equal the
 * SQL answers (a service without the in-memory totals) and the hand-worked numbers of
 * hand-files.ts after imports, a replaced file and a reset.
 */
forEachDatabase('all-time weapons and maps kept in memory', (database) => {
  let bot: FixtureBot;
  let dir: string;
  let store: AllTimeTotals;
  let fromMemory: PlayerStatsService;
  let fromSql: PlayerStatsService;
  const players: PlayerRef[] = HAND_PLAYERS.map((p) => ({ guid: p.guid, name: p.name }));
  const a_b = players[0];
  const axb = players[1];

  before(async () => {
    dir = writeHandFiles();
    bot = await createFixtureBot({ database, plugins: [], importPaths: [path.join(dir, '2024-05-01-201000-supply-round-1.txt')] });
    store = new AllTimeTotals(bot.db, () => undefined, 0);
    bot.app.events.on('round.imported', (p) => store.roundImported(p), 'test');
    // No caching: every call below asks memory or SQL afresh.
    const uncached = () => new QueryCache({ maxEntries: 0, ttlSeconds: 0 });
    fromMemory = new PlayerStatsService(bot.db, uncached(), store);
    fromSql = new PlayerStatsService(bot.db, uncached());
  });
  after(async () => {
    store?.close();
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expectMemoryEqualsSql = async () => {
    for (const p of players) {
      expect(await store.playerDetail(p.guid), p.name).to.not.equal('not-built');
      expect(await fromMemory.weapons(p), p.name).to.deep.equal(await fromSql.weapons(p));
      expect(await fromMemory.summary(p), p.name).to.deep.equal(await fromSql.summary(p));
      expect(await fromMemory.profile(p), p.name).to.deep.equal(await fromSql.profile(p));
      expect(await fromMemory.maps(p), p.name).to.deep.equal(await fromSql.maps(p));
    }
  };
  /** map, rounds, attacking (won), defending (won), kills, deaths, damage, seconds, K/D, DPM. */
  const mapRows = async (p: PlayerRef) =>
    (await fromMemory.maps(p)).map((m) => [
      m.map,
      m.rounds,
      m.roundsAttacking,
      m.roundsWonAttacking,
      m.roundsDefending,
      m.roundsWonDefending,
      m.kills,
      m.deaths,
      m.damageGiven,
      m.timePlayedSeconds,
      m.kd,
      m.dpm,
    ]);
  const mp40 = async (p: PlayerRef) => (await fromMemory.weapons(p)).map((w) => [w.name, w.kills, w.deaths, w.hits, w.shots, w.headshots]);
  const maps = async (p: PlayerRef) => {
    const detail = await store.playerDetail(p.guid);
    if (detail === 'not-built') throw new Error('not built');
    return detail.maps.map((m) => [m.map, m.rounds]).sort();
  };

  it('equals SQL and the hand-worked figures after the first build and after imports', async () => {
    await store.build();
    // supply R1 only (hand-files.ts): a_b 10 hits, 40 shots, 4 kills, 2 deaths, 3 head hits.
    expect(await mp40(a_b)).to.deep.equal([['MP40', 4, 2, 10, 40, 3]]);
    expect(await maps(a_b)).to.deep.equal([['supply', 1]]);
    await expectMemoryEqualsSql();

    await bot.importer.importFile(path.join(dir, '2024-05-01-202500-supply-round-2.txt'), { source: 'test' });
    await bot.importer.importFile(path.join(dir, '2024-05-03-210000-radar-round-1.txt'), { source: 'test' });
    // a_b: kills 4+2+5 = 11, deaths 2+1+1 = 4, hits 10+6+20 = 36, shots 40+20+50 = 110, head 3+1+4 = 8.
    expect(await mp40(a_b)).to.deep.equal([['MP40', 11, 4, 36, 110, 8]]);
    // axb: kills 2+1+1 = 4, deaths 4+3+5 = 12, hits 8+4+1 = 13, shots 20+16+10 = 46, head 1+0+0 = 1.
    expect(await mp40(axb)).to.deep.equal([['MP40', 4, 12, 13, 46, 1]]);
    expect(await maps(axb)).to.deep.equal([
      ['radar', 1],
      ['supply', 2],
    ]);
    // Axis (1) defends both maps. a_b: supply R1 allies, attacked and allies won; R2 axis, defended
    // and held; radar allies, attacked and axis held. Supply: kills 4+2, deaths 2+1, damage
    // 800+400, 10+8 min = 1080 s, K/D 6/3, DPM 60 x 1200 / 1080 = 66.67. Radar: 5/1, 1000 dmg in
    // 720 s, DPM 83.33.
    expect(await mapRows(a_b)).to.deep.equal([
      ['supply', 2, 1, 1, 1, 1, 6, 3, 1200, 1080, 2, 66.67],
      ['radar', 1, 1, 0, 0, 0, 5, 1, 1000, 720, 5, 83.33],
    ]);
    // axb: supply R1 axis, defended and lost; R2 allies, attacked and lost; radar axis, held.
    // Supply: kills 2+1, deaths 4+3, K/D 0.43, damage 500+300 in 1080 s, DPM 44.44. Radar: 1/5,
    // 100 dmg in 720 s, DPM 8.33.
    expect(await mapRows(axb)).to.deep.equal([
      ['supply', 2, 1, 0, 1, 0, 3, 7, 800, 1080, 0.43, 44.44],
      ['radar', 1, 0, 0, 1, 1, 1, 5, 100, 720, 0.2, 8.33],
    ]);
    const profile = await fromMemory.profile(a_b);
    expect(profile.favouriteMap).to.deep.equal({ map: 'supply', rounds: 2 });
    expect(profile.firstSeen!.startsWith('2024-05-01')).to.equal(true);
    expect(profile.lastSeen!.startsWith('2024-05-03')).to.equal(true);
    await expectMemoryEqualsSql();
  });

  it('drops a player left out of a replaced file once the background rebuild ran', async () => {
    await store.settled();
    const radar = path.join(dir, '2024-05-03-210000-radar-round-1.txt');
    const lines = fs.readFileSync(radar, 'utf8').split('\n');
    fs.writeFileSync(radar, lines.filter((l) => !l.startsWith('AAAA0002')).join('\n'));
    expect((await bot.importer.importFile(radar, { source: 'test' })).status).to.equal('replaced');
    await store.settled();
    // axb without radar: kills 2+1 = 3, deaths 4+3 = 7, hits 8+4 = 12, shots 20+16 = 36, head 1.
    expect(await mp40(axb)).to.deep.equal([['MP40', 3, 7, 12, 36, 1]]);
    expect(await maps(axb)).to.deep.equal([['supply', 2]]);
    expect(await mapRows(axb)).to.deep.equal([['supply', 2, 1, 0, 1, 0, 3, 7, 800, 1080, 0.43, 44.44]]);
    expect((await fromMemory.summary(axb)).lastSeen!.startsWith('2024-05-01')).to.equal(true);
    // a_b keeps radar: unchanged.
    expect(await mp40(a_b)).to.deep.equal([['MP40', 11, 4, 36, 110, 8]]);
    await expectMemoryEqualsSql();
  });

  it('answers from SQL after a reset and from memory again once rebuilt', async () => {
    store.reset();
    expect(await store.playerDetail(a_b.guid)).to.equal('not-built');
    expect(await fromMemory.weapons(a_b)).to.deep.equal(await fromSql.weapons(a_b));
    await store.build();
    expect(await mp40(axb)).to.deep.equal([['MP40', 3, 7, 12, 36, 1]]);
    expect(await maps(a_b)).to.deep.equal([
      ['radar', 1],
      ['supply', 2],
    ]);
    await expectMemoryEqualsSql();
  });
});

/** The per-map figures of every player of the generated fixtures: memory and SQL agree. */
forEachDatabase('all-time maps kept in memory, on the fixtures', (database) => {
  let bot: FixtureBot;
  let store: AllTimeTotals;

  before(async () => {
    bot = await createFixtureBot({ database, plugins: [] });
    store = new AllTimeTotals(bot.db, () => undefined, 0);
  });
  after(async () => {
    store?.close();
    await bot?.stop();
  });

  it('gives every player the same maps as the per-map query', async () => {
    await store.build();
    const uncached = () => new QueryCache({ maxEntries: 0, ttlSeconds: 0 });
    const fromMemory = new PlayerStatsService(bot.db, uncached(), store);
    const fromSql = new PlayerStatsService(bot.db, uncached());
    const players = await bot.db.read((sql) => sql.all('SELECT guid, name FROM players ORDER BY guid'));
    expect(players.length).to.be.greaterThan(10);
    let maps = 0;
    for (const row of players) {
      const p: PlayerRef = { guid: String(row.guid), name: String(row.name) };
      const memory = await fromMemory.maps(p);
      expect(memory, p.name).to.deep.equal(await fromSql.maps(p));
      maps += memory.length;
    }
    expect(maps).to.be.greaterThan(players.length);
  });

  it('adds up a build read in ranges of 3 rounds (a player and map in several ranges) to the same maps', async () => {
    const byMap = (list: MapSeen[]) => [...list].sort((a, b) => (a.map < b.map ? -1 : 1));
    const inRanges = await aggregatePlayerDetails(bot.db, null, undefined, 3);
    const whole = await aggregatePlayerDetails(bot.db, null);
    expect([...inRanges.keys()].sort()).to.deep.equal([...whole.keys()].sort());
    for (const [guid, detail] of whole) expect(byMap(inRanges.get(guid)!.maps), guid).to.deep.equal(byMap(detail.maps));
    // slasher's supply rounds: 2025-11-07 R1 and R2 (round ids 1, 2: the first range) and the
    // 2025-11-09 R1 (round id 16: the sixth), added up from two ranges.
    const supply = inRanges.get('B5F6FD48')!.maps.find((m) => m.map === 'supply')!;
    expect([supply.rounds, supply.firstSeen.slice(0, 10), supply.lastSeen.slice(0, 10)]).to.deep.equal([3, '2025-11-07', '2025-11-09']);
  });
});
