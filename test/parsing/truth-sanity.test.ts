import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Truth } from '../../core/parsing/generator';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');

/**
 * A few truth numbers of the committed fixtures re-derived by hand from the files themselves.
 * If the fixtures are regenerated these comments must be redone.
 */
describe('parsing: fixtures/truth.json agrees with numbers worked out by hand', () => {
  const truth = JSON.parse(readFileSync(join(FIXTURES, 'truth.json'), 'utf8')) as Truth;

  it("player 67D6A455 'two  spaces x' (3 rounds, era 37)", () => {
    /*
     * Lines of 67D6A455 (raw name 'two  spaces ^3x'):
     *
     * 2025-11-07-204138-supply-round-1.txt, mask 363060 = 2^2+2^4+2^5+2^9+2^11+2^15+2^16+2^18 (8 weapons):
     *   Luger 10 45 0 0 2 | MP40 74 453 5 0 21 | Thompson 0 0 0 1 0 | Bazooka 0 0 0 1 0 |
     *   Grenade 1 1 1 0 0 | Airstrike 0 1 0 0 0 | Artillery 2 2 2 0 0 | Rifle grenade 0 0 0 2 0
     *   hits 10+74+1+2 = 87, shots 45+453+1+1+2 = 502, kills 5+1+2 = 8, deaths 1+1+2 = 4, hs 2+21 = 23
     *   fields: dmg given 2189, received 593, gibs 5, self kills 2, XP 28, assists 5, revived 1, time 9.6 min
     *
     * 2025-11-07-205036-supply-round-2.txt (cumulative), mask 1411644 = R1 mask + 2^3 (Colt) + 2^20 (MG42):
     *   Luger 10 45 0 0 2 | Colt 6 35 2 0 1 | MP40 74 453 5 2 21 | Thompson 60 303 2 1 10 | Bazooka 0 0 0 1 0 |
     *   Grenade 4 4 4 0 0 | Airstrike 1 2 0 0 0 | Artillery 3 3 3 0 0 | Rifle grenade 0 0 0 2 0 | MG42 0 0 0 2 0
     *   cumulative hits 158, shots 845, kills 16, deaths 8, hs 34; dmg 3651 / 1084; gibs 11; self kills 2; time 16.6
     *   none went down (16 >= 8 kills, 8 >= 4 deaths, 3651 >= 2189, 1084 >= 593, 16.6 >= 9.6): no reconnect, so
     *   R2 = R2 - R1: hits 71, shots 343, kills 8, deaths 4, hs 11, dmg 1462 / 491, gibs 6, self kills 0,
     *   time 166 - 96 = 70 tenths; per-round fields as written: XP 31, assists 3, revived 2
     *
     * 2025-11-07-210413-etl_adlernest-round-1.txt, mask 101432 = 2^3+2^4+2^5+2^10+2^11+2^15+2^16 (7 weapons):
     *   Colt 9 39 2 0 2 | MP40 0 0 0 1 0 | Thompson 88 451 7 0 18 | Flamethrower 0 0 0 1 0 |
     *   Grenade 1 3 0 0 0 | Airstrike 1 2 1 0 0 | Artillery 1 1 0 0 0
     *   hits 100, shots 496, kills 10, deaths 2, hs 20; dmg 2236 / 325; gibs 3; self kills 0; XP 32; assists 2;
     *   revived 1; time 10.0 min
     *
     * He left after that R1 (no line in the adlernest R2), so 3 rounds.
     * seconds = 96*6 + 70*6 + 100*6 = 576 + 420 + 600 = 1596
     * kills 8+8+10 = 26, deaths 4+4+2 = 10, hits 87+71+100 = 258, shots 502+343+496 = 1341, hs 23+11+20 = 54
     * dmg given 2189+1462+2236 = 5887, received 593+491+325 = 1409, gibs 5+6+3 = 14, self kills 2+0+0 = 2
     * XP 28+31+32 = 91, revived 1+2+1 = 4, assists 5+3+2 = 10
     * kd = 26/10 = 2.6; accuracy = 100*258/1341 = 19.239... -> 19.24; dpm = 60*5887/1596 = 221.315... -> 221.32
     * revivesGiven: all three files have 37 fields -> null
     */
    const p = truth.players.find((x) => x.guid === '67D6A455')!;
    expect(p).to.include({
      name: 'two  spaces x',
      rounds: 3,
      timePlayedSeconds: 1596,
      kills: 26,
      deaths: 10,
      hits: 258,
      shots: 1341,
      headshots: 54,
      damageGiven: 5887,
      damageReceived: 1409,
      gibs: 14,
      selfKills: 2,
      xp: 91,
      timesRevived: 4,
      killAssists: 10,
      dynamitesPlanted: 0,
      revivesGiven: null,
      kd: 2.6,
      accuracy: 19.24,
      dpm: 221.32,
    });
  });

  it('the et_brewdog match of evening 2', () => {
    /*
     * 2025-11-09-231915-et_brewdog-round-1.txt header: defenderteam 2, winnerteam 1 -> R1 attackers succeeded (4:13)
     * 2025-11-09-232533-et_brewdog-round-2.txt header: defenderteam 2, winnerteam 2 -> R2 defenders held
     * -> R1's attackers win 2-0. 9:10 apart (< 45 min), same map: paired.
     * R2 has 14 lines; every GUID is also in R1 and its time grew (8.4 - 4.2 = 4.2, and 6.4 - 3.2 = 3.2
     * for B70C1A74), so 14 players with time in R2. R1: 14 lines, all with time > 0.
     */
    const r1 = truth.rounds.find((r) => r.file === '2025-11-09-231915-et_brewdog-round-1.txt')!;
    const r2 = truth.rounds.find((r) => r.file === '2025-11-09-232533-et_brewdog-round-2.txt')!;
    expect(r1).to.deep.equal({
      file: '2025-11-09-231915-et_brewdog-round-1.txt',
      map: 'et_brewdog',
      round: 1,
      endedAt: '2025-11-09T23:19:15',
      status: 'valid',
      pairedWith: '2025-11-09-232533-et_brewdog-round-2.txt',
      session: 2,
      players: 14,
      score: null,
    });
    expect(r2).to.deep.include({ status: 'valid', pairedWith: r1.file, session: 2, players: 14, score: { r1Attackers: 2, r2Attackers: 0 } });
  });

  it('other hand-checked round facts: 1-1, unknown winner, orphan, spectator, unpaired R1', () => {
    const by = (f: string) => truth.rounds.find((r) => r.file === f)!;
    // adlernest evening 1: both headers winnerteam 1 = defenderteam 1: both held -> 1-1.
    // 13 R2 players: 14 in R1 minus 'two  spaces x' who left.
    expect(by('2025-11-07-211602-etl_adlernest-round-2.txt')).to.deep.include({ players: 13, score: { r1Attackers: 1, r2Attackers: 1 } });
    // goldrush R2 winnerteam 0 -> score null although paired.
    expect(by('2025-11-07-215528-sw_goldrush_te-round-2.txt')).to.deep.include({ score: null });
    expect(by('2025-11-07-215528-sw_goldrush_te-round-2.txt').pairedWith).to.equal('2025-11-07-214654-sw_goldrush_te-round-1.txt');
    // escape R2: 14 lines, one of them the spectator (team 3, same 9.8 min as in R1) -> 13 players.
    expect(by('2025-11-07-213746-te_escape2-round-2.txt').players).to.equal(13);
    // delivery R2 has no R1 -> orphan; its 14 lines all show time > 0.
    expect(by('2025-11-07-221212-etl_sp_delivery-round-2.txt')).to.deep.include({ status: 'orphan', pairedWith: null, players: 14, score: null });
    expect(by('2025-11-09-235550-supply-round-1.txt')).to.deep.include({ status: 'valid', pairedWith: null });
    // Sessions: evening 1 = 9 files, 4 pairs (the orphan makes no match); evening 2 = 11 files, 5 pairs.
    expect(truth.sessions).to.deep.equal([
      { index: 1, start: '2025-11-07T20:41:38', end: '2025-11-07T22:12:12', rounds: 9, maps: 4 },
      { index: 2, start: '2025-11-09T23:01:43', end: '2025-11-10T00:49:11', rounds: 11, maps: 5 },
    ]);
  });

  it('names: latest non-orphan line wins, spectator rename counts, orphan-only name does not', () => {
    const name = (g: string) => truth.players.find((p) => p.guid === g)!.name;
    expect(name('B70C1A74')).to.equal('Mr. Brown'); // renamed on his spectator line, kept afterwards
    expect(name('F3C8940A')).to.equal("O'Neil!"); // 'ONeil[afk]' only in the orphan
    expect(name('66CED760')).to.equal('ph4nt0m!'); // new name in evening 2
    expect(name('OMNIBOT0[BOT]Bolt')).to.equal('[BOT]Bolt');
    expect(truth.players.map((p) => p.guid)).to.deep.equal([...truth.players.map((p) => p.guid)].sort());
  });
});
