import { expect } from 'chai';
import { basisNote, chanceLine, uncertaintyNote } from '../chance-wording';
import { PRIOR_CALIBRATION, type Calibration } from '../model/calibration';
import { balanceBasis, forecastSplit, type ForecastPlayer } from '../model/split-forecast';
import { DEFAULT_RATING_PARAMS } from '../model/weng-lin';

function player(guid: string, maps: number, perfSum = 0, perfWeight = 0): ForecastPlayer {
  return { guid, mu: 25, sigma: 25 / 3, maps, perfSum, perfWeight, objectiveSum: 0 };
}

const fittedOn = (maps: number): Calibration => ({ ...PRIOR_CALIBRATION, maps });

describe('rating: what !balance balances by, and how it words the chance', () => {
  it('balances by performance below 30 rated maps or when under half the players have 5 maps', () => {
    const six = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(
      balanceBasis(
        fittedOn(29),
        six.map((g) => player(g, 50)),
      ),
    ).to.equal('performance');
    expect(
      balanceBasis(
        fittedOn(30),
        six.map((g) => player(g, 50)),
      ),
    ).to.equal('rating');
    expect(
      balanceBasis(
        fittedOn(30),
        six.map((g, i) => player(g, i < 3 ? 5 : 4)),
      ),
    ).to.equal('rating');
    expect(
      balanceBasis(
        fittedOn(30),
        six.map((g, i) => player(g, i < 2 ? 5 : 4)),
      ),
    ).to.equal('performance');
  });

  it('by performance it evens out the indexes: 0.6, 0.3, -0.3, -0.6 (sums over 1 + 2 prior maps) pair up as 0.6 + -0.6 v 0.3 + -0.3', () => {
    // index = perfSum / (perfWeight + 2): perfSum 1.8, 0.9, -0.9, -1.8 over one map give 0.6, 0.3, -0.3, -0.6.
    const players = [player('S1', 1, 1.8, 1), player('S2', 1, 0.9, 1), player('W2', 1, -0.9, 1), player('W1', 1, -1.8, 1)];
    const split = forecastSplit(players, PRIOR_CALIBRATION, DEFAULT_RATING_PARAMS);
    expect(split.basis).to.equal('performance');
    expect(split.team1.map((p) => p.guid)).to.deep.equal(['S1', 'W1']);
    expect(split.team2.map((p) => p.guid)).to.deep.equal(['S2', 'W2']);
    expect(split.newPlayers).to.equal(4);
    expect(basisNote(split)).to.match(/^balanced by performance \(K\/D and damage per minute against the lobby\): too little rated history/);
  });

  it('words the chance with its 90% range, and says when few maps are rated', () => {
    expect(chanceLine({ chance: 0.58, low: 0.451, high: 0.7 })).to.equal('Team 1 wins 58% (likely 45-70%), Team 2 wins 42%');
    const teams = { team1: [player('A', 9), player('B', 9), player('C', 2)], team2: [player('D', 9), player('E', 9), player('F', 0)] };
    expect(uncertaintyNote({ ...teams, calibrationMaps: 12, newPlayers: 2 })).to.equal('few maps rated yet (12 in all)');
    expect(uncertaintyNote({ ...teams, calibrationMaps: 80, newPlayers: 2 })).to.equal('few maps rated yet for 2 of 6 players (under 5)');
    expect(uncertaintyNote({ ...teams, calibrationMaps: 80, newPlayers: 0 })).to.equal(null);
    expect(basisNote({ basis: 'rating', calibrationMaps: 80 })).to.equal('balanced by rating and performance: every split tried, the closest to 50% wins');
  });
});
