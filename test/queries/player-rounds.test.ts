import { expect } from 'chai';
import type { PlayerRoundRow, PlayerRoundsService } from '../../core/queries/player-rounds';
import { QueryServices } from '../../core/queries/tokens';
import { parseTimeWindow } from '../../core/queries/time-window';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';

const SLASHER = 'B5F6FD48'; // 37 extended fields (no revives given), in 19 counted rounds
const SUBWAY = '12FDAAA7'; // a substitute from 2025-11-07 te_escape2 R2 on, also in the orphan etl_sp_delivery R2
const SUPPLY_R1 = '2025-11-07-204138-supply-round-1.txt';
const ORPHAN_R2 = '2025-11-07-221212-etl_sp_delivery-round-2.txt';

/*
 * By hand from fixtures/ (weapon numbers summed over the weapons of the line; timezone UTC, so
 * UTC and local times agree). slasher's line in supply R1 (spec §3):
 *   weapons (hits shots kills deaths head hits): 7 30 0 0 2 | 0 0 0 1 0 | 1 1 1 0 0 | 3 4 2 1 0 | 2 2 2 0 0 | 62 325 2 0 14
 *     -> 75 hits, 362 shots, 7 kills, 2 deaths, 16 head hits
 *   extended: 1812 given, 330 received, 51 / 54 team damage, 4 gibs, 3 self kills, 1 team kill,
 *     xp 23, killing spree 3, death spree 1, 5 assists, revived 0 times, 9.6 minutes = 576 s.
 * In supply R2 his cumulative values are 129 hits, 644 shots, 12 kills, 3 deaths, 27 head hits,
 * 3332 / 481 damage, 52 / 54 team damage, 5 gibs, 3 self kills, 1 team kill, 16.6 minutes; R2 - R1
 * (spec §4) gives 54, 282, 5, 1, 11, 1520 / 151, 1 / 0, 1, 0, 0, 7.0 minutes = 420 s; the per-round
 * fields are as written: xp 32, spree 3, death spree 1, 5 assists, revived once.
 */
const SLASHER_SUPPLY_R1: Omit<PlayerRoundRow, 'roundId' | 'sessionId'> = {
  guid: SLASHER,
  name: 'slasher',
  nameInRound: 'slasher',
  fileName: SUPPLY_R1,
  serverId: 'default',
  map: 'supply',
  roundNumber: 1,
  endedAtUtc: '2025-11-07T20:41:38Z',
  endedAtLocal: '2025-11-07T20:41:38',
  team: 1,
  inTotals: true,
  timePlayedSeconds: 576,
  kills: 7,
  deaths: 2,
  hits: 75,
  shots: 362,
  headshots: 16,
  damageGiven: 1812,
  damageReceived: 330,
  teamDamageGiven: 51,
  teamDamageReceived: 54,
  gibs: 4,
  selfKills: 3,
  teamKills: 1,
  xp: 23,
  killingSpree: 3,
  deathSpree: 1,
  killAssists: 5,
  timesRevived: 0,
  revivesGiven: null,
};
const SLASHER_SUPPLY_R2: Omit<PlayerRoundRow, 'roundId' | 'sessionId'> = {
  ...SLASHER_SUPPLY_R1,
  fileName: '2025-11-07-205036-supply-round-2.txt',
  roundNumber: 2,
  endedAtUtc: '2025-11-07T20:50:36Z',
  endedAtLocal: '2025-11-07T20:50:36',
  team: 2,
  timePlayedSeconds: 420,
  kills: 5,
  deaths: 1,
  hits: 54,
  shots: 282,
  headshots: 11,
  damageGiven: 1520,
  damageReceived: 151,
  teamDamageGiven: 1,
  teamDamageReceived: 0,
  gibs: 1,
  selfKills: 0,
  teamKills: 0,
  xp: 32,
  killingSpree: 3,
  deathSpree: 1,
  killAssists: 5,
  timesRevived: 1,
};

/** The 14 lines of supply R1, GUIDs bytewise (the bot's identity is OMNIBOT0 + its clean name). */
const SUPPLY_R1_GUIDS = [
  '1E4887BA',
  '39137DDE',
  '434960FE',
  '66CED760',
  '67D6A455',
  '786EC1CB',
  '998081B5',
  'B0B0BEAF',
  'B3539E31',
  'B5F6FD48',
  'B70C1A74',
  'F3C8940A',
  'FC2A053D',
  'OMNIBOT0[BOT]Bolt',
];

const key = (r: PlayerRoundRow) => `${r.endedAtUtc} ${r.fileName} ${r.guid}`;
const without = ({ roundId: _roundId, sessionId: _sessionId, ...rest }: PlayerRoundRow) => rest;

forEachDatabase('QueryServices.PlayerRounds on the fixtures', (database) => {
  let bot: FixtureBot;
  let rounds: PlayerRoundsService;
  const roundId = async (file: string) =>
    Number((await bot.db.read((sql) => sql.one<{ id: unknown }>('SELECT id FROM rounds WHERE file_name = ?', [file])))!.id);

  before(async () => {
    bot = await createFixtureBot({ database, plugins: [] });
    rounds = bot.app.container.resolve(QueryServices.PlayerRounds.id);
  });
  after(async () => bot?.stop());

  it("gives a player's rounds in time order, with the numbers of the file after the R2 derivation", async () => {
    const slasher = await rounds.ofPlayers([SLASHER]);
    expect(slasher).to.have.length(19);
    expect(without(slasher[0]!)).to.deep.equal(SLASHER_SUPPLY_R1);
    expect(without(slasher[1]!)).to.deep.equal(SLASHER_SUPPLY_R2);
    expect(slasher[0]!.roundId).to.equal(await roundId(SUPPLY_R1));
    expect(slasher[0]!.sessionId).to.be.a('number').and.equal(slasher[1]!.sessionId);
    // The streaks example's hand-worked (kills, deaths) of his counted rounds.
    expect(slasher.map((r) => [r.kills, r.deaths])).to.deep.equal([
      [7, 2],
      [5, 1],
      [6, 0],
      [14, 7],
      [11, 1],
      [2, 1],
      [10, 0],
      [3, 1],
      [4, 3],
      [2, 0],
      [6, 0],
      [1, 1],
      [15, 0],
      [2, 1],
      [3, 7],
      [8, 6],
      [6, 3],
      [12, 4],
      [8, 0],
    ]);
    // Evening 2 is era 38: revives given is there.
    expect(slasher[18]!.revivesGiven).to.be.a('number');
  });

  it('merges several players into one time order; the orphan R2 only when asked', async () => {
    const both = await rounds.ofPlayers([SUBWAY, SLASHER]);
    expect(both).to.have.length(19 + 14);
    expect(both.map(key)).to.deep.equal([...both.map(key)].sort());
    const subway = both.filter((r) => r.guid === SUBWAY);
    expect([subway[0]!.fileName, subway[0]!.name]).to.deep.equal(['2025-11-07-213746-te_escape2-round-2.txt', 'sub.way']);
    const withOrphan = await rounds.ofPlayers([SUBWAY], { includeUncounted: true });
    expect(withOrphan).to.have.length(15);
    expect(withOrphan.filter((r) => !r.inTotals).map((r) => r.fileName)).to.deep.equal([ORPHAN_R2]);
    // More GUIDs than one statement takes: the same rows, in the same order.
    const many = [...Array.from({ length: 5000 }, (_, i) => `NOBODY${String(i).padStart(4, '0')}`), SLASHER, SUBWAY];
    expect(await rounds.ofPlayers(many)).to.deep.equal(both);
    expect(await rounds.ofPlayers([])).to.deep.equal([]);
  });

  it('keeps to a time window (server-local dates)', async () => {
    const firstEvening = await rounds.ofPlayers([SLASHER], { window: parseTimeWindow('2025-11-07', Date.now())! });
    expect(firstEvening.map((r) => [r.kills, r.deaths])).to.deep.equal([
      [7, 2],
      [5, 1],
      [6, 0],
      [14, 7],
      [11, 1],
      [2, 1],
      [10, 0],
      [3, 1],
    ]);
    expect(await rounds.ofPlayers([SLASHER], { window: parseTimeWindow('2025-11-08', Date.now())! })).to.deep.equal([]);
  });

  it('gives the rows of given rounds, GUIDs bytewise within a round; current and in-round names', async () => {
    const supply = await rounds.ofRounds([await roundId(SUPPLY_R1)]);
    expect(supply.map((r) => r.guid)).to.deep.equal(SUPPLY_R1_GUIDS);
    expect(without(supply.find((r) => r.guid === SLASHER)!)).to.deep.equal(SLASHER_SUPPLY_R1);
    // Arrow ^ up played 7.7 minutes of it; Mr. Pink was renamed Mr. Brown later.
    expect(supply.find((r) => r.guid === '998081B5')!.timePlayedSeconds).to.equal(462);
    const pink = supply.find((r) => r.guid === 'B70C1A74')!;
    expect([pink.name, pink.nameInRound]).to.deep.equal(['Mr. Brown', 'Mr. Pink']);
    const orphan = await roundId(ORPHAN_R2);
    expect(await rounds.ofRounds([orphan])).to.deep.equal([]);
    expect(await rounds.ofRounds([orphan], { includeUncounted: true })).to.have.length(14);
    expect(await rounds.ofRounds([])).to.deep.equal([]);
  });

  it('walks every row in time order a page of rounds at a time', async () => {
    const all: PlayerRoundRow[] = [];
    for await (const row of rounds.eachInTimeOrder({ roundsPerPage: 3 })) all.push(row);
    // 263: the counted rounds of truth.json's players added up.
    expect(all).to.have.length(263);
    expect(all.map(key)).to.deep.equal([...all.map(key)].sort());
    expect(all.filter((r) => r.guid === SLASHER)).to.deep.equal(await rounds.ofPlayers([SLASHER]));
    const byDefaultPages: PlayerRoundRow[] = [];
    for await (const row of rounds.eachInTimeOrder()) byDefaultPages.push(row);
    expect(byDefaultPages).to.deep.equal(all);
    // 278: every line of the 20 files; 15 more than counted: the orphan's 14 lines and Mr. Pink's
    // spectator line in 2025-11-07 te_escape2 R2 (no time of its own after R2 - R1).
    const uncounted: string[] = [];
    let lines = 0;
    for await (const row of rounds.eachInTimeOrder({ roundsPerPage: 1, includeUncounted: true })) {
      lines++;
      if (!row.inTotals && row.fileName !== ORPHAN_R2) uncounted.push(`${row.fileName} ${row.guid}`);
    }
    expect(lines).to.equal(278);
    expect(uncounted).to.deep.equal(['2025-11-07-213746-te_escape2-round-2.txt B70C1A74']);
  });

  it('finds the sessions in which all of some players played, and reads their rows of those sessions only', async () => {
    const sessionOf = async (file: string) => (await rounds.ofPlayers([SLASHER])).find((r) => r.fileName === file)!.sessionId!;
    const first = await sessionOf(SUPPLY_R1);
    const second = await sessionOf('2025-11-10-002038-etl_adlernest-round-2.txt');
    // slasher played both evenings; O'Neil (F3C8940A) only in the first, up to its sw_goldrush_te R2
    // (his line in the orphan etl_sp_delivery R2 counts in no total).
    expect(await rounds.sessionsWithAll([SLASHER, SUBWAY])).to.deep.equal([first, second]);
    expect(await rounds.sessionsWithAll([SLASHER, 'F3C8940A'])).to.deep.equal([first]);
    expect(await rounds.sessionsWithAll([SLASHER, '00000000'])).to.deep.equal([]);
    const only = await rounds.ofPlayers([SLASHER, SUBWAY], { sessionIds: [second] });
    const all = await rounds.ofPlayers([SLASHER, SUBWAY]);
    expect(only).to.deep.equal(all.filter((r) => r.sessionId === second));
    expect(only.length).to.be.greaterThan(0);
    expect(await rounds.ofPlayers([SLASHER], { sessionIds: [] })).to.deep.equal([]);
  });
});
