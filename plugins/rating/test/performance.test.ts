import { expect } from 'chai';
import { RatingLedger } from '../model/ledger';
import type { MatchFacts } from '../model/map-teams';
import {
  mapObjectivePlay,
  mapPerformance,
  OBJECTIVE_PRIOR_MAPS,
  objectiveIndex,
  performanceDifference,
  performanceIndex,
  PRIOR_MAPS,
} from '../model/performance';

/*
 * A made-up 1 v 1 lobby, 10 minutes (100 tenths) each, both rounds counted together:
 *   X: 9 kills, 4 deaths, 3000 damage -> 300 DPM;  Y: 4 kills, 9 deaths, 1000 damage -> 100 DPM.
 *   Lobby DPM = 4000 damage / 20 minutes = 200.
 *   x_X = (ln(10 / 5) + ln(301 / 201)) / 2 = (0.693147 + 0.403806) / 2 =  0.548476
 *   x_Y = (ln(5 / 10) + ln(101 / 201)) / 2 = (-0.693147 - 0.688184) / 2 = -0.690666
 * After this one map (played whole, weight 1), shrunk by 2 prior maps:
 *   index_X = 0.548476 / (1 + 2) = 0.182825,  index_Y = -0.690666 / 3 = -0.230222
 * Objective and support actions: X 3, Y 1; the lobby 4 in 200 tenths, so 2 expected of each:
 *   o_X = ln(4 / 3) = 0.287682,  o_Y = ln(2 / 3) = -0.405465
 *   objective index_X = 0.287682 / (1 + 16) = 0.016923,  index_Y = -0.405465 / 17 = -0.023851
 */
const X = { kills: 9, deaths: 4, damageGiven: 3000, objectivePlay: 3, tenths: 100 };
const Y = { kills: 4, deaths: 9, damageGiven: 1000, objectivePlay: 1, tenths: 100 };

function lobbyMap(): MatchFacts {
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
    scoreR1Attackers: 2,
    scoreR2Attackers: 0,
    // X attacks R1 (allies) and defends R2 (axis); Y the other way round. Each round half the numbers.
    rows: [
      { round: 1, guid: 'AAAAAAAA', team: 2, tenths: 50, kills: 5, deaths: 2, damageGiven: 1500, objectivePlay: 2 },
      { round: 1, guid: 'BBBBBBBB', team: 1, tenths: 50, kills: 2, deaths: 5, damageGiven: 500, objectivePlay: 1 },
      { round: 2, guid: 'AAAAAAAA', team: 1, tenths: 50, kills: 4, deaths: 2, damageGiven: 1500, objectivePlay: 1 },
      { round: 2, guid: 'BBBBBBBB', team: 2, tenths: 50, kills: 2, deaths: 4, damageGiven: 500, objectivePlay: 0 },
    ],
  };
}

describe('rating: performance index (hand-worked on a tiny lobby)', () => {
  it('scores a map by K/D and DPM against the lobby, as logs', () => {
    expect(mapPerformance(X, 200)).to.be.closeTo(0.548476, 1e-6);
    expect(mapPerformance(Y, 200)).to.be.closeTo(-0.690666, 1e-6);
  });

  it('shrinks towards 0 by two prior maps', () => {
    expect(PRIOR_MAPS).to.equal(2);
    expect(performanceIndex({ perfSum: 0.548476, perfWeight: 1 })).to.be.closeTo(0.182825, 1e-6);
    expect(performanceIndex({ perfSum: 0, perfWeight: 0 })).to.equal(0);
  });

  it('the ledger learns it from a map, and the next map sees the difference', () => {
    const ledger = new RatingLedger();
    ledger.apply(lobbyMap());
    expect(performanceIndex(ledger.get('AAAAAAAA'))).to.be.closeTo(0.182825, 1e-6);
    expect(performanceIndex(ledger.get('BBBBBBBB'))).to.be.closeTo(-0.230222, 1e-6);
    const diff = performanceDifference({ a: [{ guid: 'AAAAAAAA', weight: 1 }], b: [{ guid: 'BBBBBBBB', weight: 0.5 }] }, (g) =>
      performanceIndex(ledger.get(g)),
    );
    // 0.182825 - 0.5 x (-0.230222) = 0.297936
    expect(diff).to.be.closeTo(0.297936, 1e-6);
    expect(ledger.apply(lobbyMap()).forecast!.perfDiff).to.be.closeTo(0.182825 + 0.230222, 1e-6);
  });

  it('scores objective and support play against the lobby, shrunk by 16 prior maps, as a separate index', () => {
    expect(mapObjectivePlay(X, 4 / 200)).to.be.closeTo(0.287682, 1e-6);
    expect(mapObjectivePlay(Y, 4 / 200)).to.be.closeTo(-0.405465, 1e-6);
    expect(OBJECTIVE_PRIOR_MAPS).to.equal(16);
    const ledger = new RatingLedger();
    ledger.apply(lobbyMap());
    expect(objectiveIndex(ledger.get('AAAAAAAA'))).to.be.closeTo(0.016923, 1e-6);
    expect(objectiveIndex(ledger.get('BBBBBBBB'))).to.be.closeTo(-0.023851, 1e-6);
    const next = ledger.apply(lobbyMap()).forecast!;
    expect(next.objectiveDiff).to.be.closeTo(0.016923 + 0.023851, 1e-6);
    // Unchanged by objective play: the K/D and DPM index.
    expect(next.perfDiff).to.be.closeTo(0.182825 + 0.230222, 1e-6);
  });

  it('a map where nobody has an objective or support action scores 0 for everyone', () => {
    expect(mapObjectivePlay({ objectivePlay: 0, tenths: 100 }, 0)).to.equal(0);
  });
});
