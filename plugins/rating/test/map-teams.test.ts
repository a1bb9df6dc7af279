import { expect } from 'chai';
import { balanceTeams } from '../model/balance';
import { RatingLedger } from '../model/ledger';
import { compareMatches, mapTeams, type MatchFacts, type MatchPlayerRow } from '../model/map-teams';

function row(round: 1 | 2, guid: string, team: number, tenths: number, kills = 0, deaths = 0, damageGiven = 0): MatchPlayerRow {
  return { round, guid, team, tenths, kills, deaths, damageGiven, objectivePlay: 0 };
}

function facts(rows: MatchPlayerRow[], score: [number, number], extra: Partial<MatchFacts> = {}): MatchFacts {
  return {
    matchId: 1,
    serverId: 'default',
    map: 'supply',
    endedAtUtc: '2025-11-07T20:50:36Z',
    r2FileName: '2025-11-07-205036-supply-round-2.txt',
    r1RoundId: 1,
    r2RoundId: 2,
    r1DefenderTeam: 1,
    r2DefenderTeam: 1,
    scoreR1Attackers: score[0],
    scoreR2Attackers: score[1],
    rows,
    ...extra,
  };
}

/*
 * Axis (1) defends both rounds. R1: ALPHA, BRAVO attack on allies; CHARLIE, DELTA defend on axis.
 * R2 (sides swapped): ALPHA and the substitute ECHO defend on axis; CHARLIE, DELTA attack on allies.
 * R1 lasts 10.0 min (100 tenths), R2 8.0 min (80): the map is 180 tenths long.
 *   ALPHA 100 + 80 = 180 -> 1; BRAVO 100 (R1 only) -> 100/180 = 0.5556; ECHO 80 -> 0.4444;
 *   CHARLIE, DELTA 180 -> 1. GOLF only spectated (team 3) in R2: on no team.
 */
const swapRows = [
  row(1, 'ALPHA', 2, 100, 10, 4),
  row(1, 'BRAVO', 2, 100),
  row(1, 'CHARLIE', 1, 100),
  row(1, 'DELTA', 1, 100),
  row(2, 'ALPHA', 1, 80, 5, 6),
  row(2, 'ECHO', 1, 80),
  row(2, 'CHARLIE', 2, 80),
  row(2, 'DELTA', 2, 80),
  row(2, 'GOLF', 3, 30),
];

describe('rating: the two teams of a map', () => {
  it('follows each team across the side swap and weights players by their share of the map', () => {
    const teams = mapTeams(facts(swapRows, [2, 0]))!;
    expect(teams.outcome).to.equal('A');
    expect(teams.a.map((p) => p.guid)).to.deep.equal(['ALPHA', 'BRAVO', 'ECHO']);
    expect(teams.b.map((p) => p.guid)).to.deep.equal(['CHARLIE', 'DELTA']);
    const weight = Object.fromEntries([...teams.a, ...teams.b].map((p) => [p.guid, p.weight]));
    expect(weight.ALPHA).to.equal(1);
    expect(weight.BRAVO).to.be.closeTo(100 / 180, 1e-12);
    expect(weight.ECHO).to.be.closeTo(80 / 180, 1e-12);
    expect(weight.CHARLIE).to.equal(1);
    expect(teams.a[0]!.kills).to.equal(15);
    expect(teams.a[0]!.deaths).to.equal(10);
  });

  it('reads 0-2 as a win for R1 defenders and 1-1 as a draw', () => {
    expect(mapTeams(facts(swapRows, [0, 2]))!.outcome).to.equal('B');
    expect(mapTeams(facts(swapRows, [1, 1]))!.outcome).to.equal('draw');
  });

  it('uses each round’s own defender side (allies defending)', () => {
    // Allies (2) defend: R1's attackers are on axis (1) in R1 and on allies in R2.
    const rows = [row(1, 'ALPHA', 1, 50), row(1, 'CHARLIE', 2, 50), row(2, 'ALPHA', 2, 50), row(2, 'CHARLIE', 1, 50)];
    const teams = mapTeams(facts(rows, [2, 0], { r1DefenderTeam: 2, r2DefenderTeam: 2 }))!;
    expect(teams.a.map((p) => p.guid)).to.deep.equal(['ALPHA']);
    expect(teams.b.map((p) => p.guid)).to.deep.equal(['CHARLIE']);
  });

  it('puts a player who switched teams mid-map on the team they played longer for', () => {
    // FOXTROT: R1 attacker for 30 tenths, then in R2 on allies (R1 defenders' side) for 80.
    const teams = mapTeams(facts([...swapRows, row(1, 'FOXTROT', 2, 30), row(2, 'FOXTROT', 2, 80)], [2, 0]))!;
    const fox = teams.b.find((p) => p.guid === 'FOXTROT')!;
    expect(fox.weight).to.be.closeTo(80 / 180, 1e-12);
    expect(teams.a.some((p) => p.guid === 'FOXTROT')).to.equal(false);
  });

  it('has nothing to rate when one side is empty', () => {
    expect(mapTeams(facts([row(1, 'ALPHA', 2, 100), row(2, 'ALPHA', 1, 80)], [2, 0]))).to.equal(null);
  });

  it('orders maps by end time, then server, then R2 file name', () => {
    const a = { endedAtUtc: '2025-11-07T20:50:36Z', serverId: 'b', r2FileName: 'x' };
    const b = { endedAtUtc: '2025-11-07T20:50:36Z', serverId: 'a', r2FileName: 'y' };
    const c = { endedAtUtc: '2025-11-07T20:50:35Z', serverId: 'z', r2FileName: 'z' };
    expect([a, b, c].sort(compareMatches)).to.deep.equal([c, b, a]);
  });
});

describe('rating: ledger', () => {
  it('rates maps in turn and counts wins, draws and losses per player', () => {
    const ledger = new RatingLedger();
    const first = ledger.apply(facts(swapRows, [2, 0]));
    expect(first.rated).to.equal(true);
    // Team A's weights add up to 1 + 5/9 + 4/9 = 2 players' worth of mu, like team B: even.
    expect(first.predictedA).to.be.closeTo(0.5, 1e-12);
    const second = ledger.apply(facts(swapRows, [1, 1], { matchId: 2, endedAtUtc: '2025-11-07T21:30:00Z' }));
    expect(second.entries.every((e) => e.result === 'D')).to.equal(true);
    const alpha = ledger.get('ALPHA');
    expect([alpha.maps, alpha.wins, alpha.draws, alpha.losses]).to.deep.equal([2, 1, 1, 0]);
    const charlie = ledger.get('CHARLIE');
    expect([charlie.maps, charlie.wins, charlie.draws, charlie.losses]).to.deep.equal([2, 0, 1, 1]);
    expect(alpha.mu).to.be.above(25);
    expect(charlie.mu).to.be.below(25);
    // Each entry starts where the player's previous one ended.
    const alphaFirst = first.entries.find((e) => e.guid === 'ALPHA')!;
    const alphaSecond = second.entries.find((e) => e.guid === 'ALPHA')!;
    expect(alphaSecond.muBefore).to.equal(alphaFirst.mu);
    expect(alphaSecond.sigmaBefore).to.equal(alphaFirst.sigma);
    expect(ledger.get('GOLF').maps).to.equal(0);
  });

  it('learns the advantage of attacking second and counts it in predictions', () => {
    const ledger = new RatingLedger();
    const xAttacksFirst = [row(1, 'P1', 2, 100), row(1, 'P2', 1, 100), row(2, 'P1', 1, 100), row(2, 'P2', 2, 100)];
    const yAttacksFirst = [row(1, 'P2', 2, 100), row(1, 'P1', 1, 100), row(2, 'P2', 1, 100), row(2, 'P1', 2, 100)];
    // Each player wins once, always when attacking second (0-2).
    ledger.apply(facts(xAttacksFirst, [0, 2]));
    ledger.apply(facts(yAttacksFirst, [0, 2], { matchId: 2, endedAtUtc: '2025-11-07T21:30:00Z' }));
    expect(ledger.secondAttack().mu).to.be.above(0);
    expect(ledger.secondAttack().maps).to.equal(2);
    expect(ledger.predict(facts(xAttacksFirst, [0, 2]))).to.be.below(0.5);
    const plain = new RatingLedger(undefined, [], { secondAttackAdvantage: false });
    plain.apply(facts(xAttacksFirst, [0, 2]));
    expect(plain.secondAttack().maps).to.equal(0);
    expect(
      plain
        .all()
        .map((p) => p.guid)
        .sort(),
    ).to.deep.equal(['P1', 'P2']);
  });

  it('a map with an empty side is recorded as not rated and changes nobody', () => {
    const ledger = new RatingLedger();
    const m = ledger.apply(facts([row(1, 'ALPHA', 2, 100), row(2, 'ALPHA', 1, 80)], [2, 0]));
    expect(m.rated).to.equal(false);
    expect(ledger.get('ALPHA').maps).to.equal(0);
  });
});

describe('rating: balance', () => {
  const fresh = (guid: string) => ({ guid, mu: 25, sigma: 25 / 3 });

  it('splits 6 new players 3 v 3 at exactly 50%', () => {
    const split = balanceTeams(['A', 'B', 'C', 'D', 'E', 'F'].map(fresh));
    expect(split.team1).to.have.length(3);
    expect(split.team2).to.have.length(3);
    expect(split.team1WinProbability).to.equal(0.5);
  });

  it('pairs a strong with a weak player on each side (30, 30, 20, 20 -> 30+20 v 30+20)', () => {
    const players = [
      { guid: 'S1', mu: 30, sigma: 2 },
      { guid: 'S2', mu: 30, sigma: 2 },
      { guid: 'W1', mu: 20, sigma: 2 },
      { guid: 'W2', mu: 20, sigma: 2 },
    ];
    const split = balanceTeams(players);
    expect(split.team1.map((p) => p.guid).sort()).to.deep.equal(['S1', 'W1']);
    expect(split.team1WinProbability).to.equal(0.5);
  });

  it('gives 5 players teams of 2 and 3, and refuses fewer than 2 or more than 12', () => {
    const split = balanceTeams(['A', 'B', 'C', 'D', 'E'].map(fresh));
    expect([split.team1.length, split.team2.length].sort()).to.deep.equal([2, 3]);
    expect(() => balanceTeams([fresh('A')])).to.throw(/at least 2/);
    expect(() => balanceTeams('ABCDEFGHIJKLM'.split('').map(fresh))).to.throw(/at most 12/);
  });

  it('handles 12 players (462 splits)', () => {
    const players = Array.from({ length: 12 }, (_, i) => ({ guid: `P${i}`, mu: 20 + i, sigma: 3 }));
    const split = balanceTeams(players);
    expect(split.team1).to.have.length(6);
    // Sum of mu 20..31 is 306: a 153 v 153 split exists, so the fairest is exactly even.
    expect(split.team1.reduce((s, p) => s + p.mu, 0)).to.equal(153);
    expect(split.team1WinProbability).to.be.closeTo(0.5, 1e-12);
  });
});
