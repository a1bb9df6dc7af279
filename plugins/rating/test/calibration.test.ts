import { expect } from 'chai';
import {
  calibrationAfter,
  chanceEitherSide,
  chanceOf,
  featureVector,
  fitCalibration,
  lastRefit,
  nextRefit,
  PRIOR_CALIBRATION,
  type CalibrationSample,
} from '../model/calibration';

/** A small seeded generator (LCG, Numerical Recipes constants) so the synthetic data is fixed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Maps whose true chance is logistic(-0.5 x side + 0.8 x rating logit + 1.2 x performance difference + 0.6 x objective difference). */
function synthetic(n: number, seed: number): CalibrationSample[] {
  const next = lcg(seed);
  return Array.from({ length: n }, () => {
    const ratingLogit = 4 * next() - 2;
    const perfDiff = 2 * next() - 1;
    const objectiveDiff = 2 * next() - 1;
    const p = 1 / (1 + Math.exp(-(-0.5 + 0.8 * ratingLogit + 1.2 * perfDiff + 0.6 * objectiveDiff)));
    return { ratingLogit, perfDiff, objectiveDiff, outcome: next() < p ? 1 : 0 };
  });
}

describe('rating: calibration (Bayesian logistic fit on past maps)', () => {
  it('before any map it is the prior: 50% either side, 90% range logistic(-1.645) to logistic(1.645)', () => {
    const c = chanceEitherSide(PRIOR_CALIBRATION, 0, 0, 0);
    expect(c.chance).to.be.closeTo(0.5, 1e-12);
    expect(c.low).to.be.closeTo(0.161786, 1e-6);
    expect(c.high).to.be.closeTo(0.838214, 1e-6);
  });

  it('recovers the true weights from 4000 synthetic maps and forecasts the true chance', () => {
    const fit = fitCalibration(synthetic(4000, 7));
    expect(fit.weights[0]).to.be.closeTo(-0.5, 0.15);
    expect(fit.weights[1]).to.be.closeTo(0.8, 0.15);
    expect(fit.weights[2]).to.be.closeTo(1.2, 0.25);
    expect(fit.weights[3]).to.be.closeTo(0.6, 0.25);
    // True chance at rating logit 1, performance difference 0.5, objective difference -0.5:
    // logistic(-0.5 + 0.8 + 0.6 - 0.3) = logistic(0.6) = 0.645656.
    expect(chanceOf(fit, featureVector(1, 0.5, -0.5)).chance).to.be.closeTo(0.645656, 0.03);
  });

  it('is calibrated on fresh synthetic maps: in each band the share won matches the mean chance', () => {
    const fit = fitCalibration(synthetic(3000, 11));
    const test = synthetic(6000, 12);
    for (const [lo, hi] of [
      [0, 0.3],
      [0.3, 0.5],
      [0.5, 0.7],
      [0.7, 1],
    ] as const) {
      const band = test
        .map((s) => ({ s, p: chanceOf(fit, featureVector(s.ratingLogit, s.perfDiff, s.objectiveDiff)).chance }))
        .filter((x) => x.p >= lo && x.p < hi);
      const mean = band.reduce((t, x) => t + x.p, 0) / band.length;
      const won = band.reduce((t, x) => t + x.s.outcome, 0) / band.length;
      expect(band.length).to.be.greaterThan(300);
      expect(won).to.be.closeTo(mean, 0.05);
    }
  });

  it('few maps give a chance near the side rate and a wide range; many maps a narrow one', () => {
    const few = chanceOf(fitCalibration(synthetic(10, 3)), featureVector(2, 1, 0));
    const many = chanceOf(fitCalibration(synthetic(3000, 3)), featureVector(2, 1, 0));
    expect(few.high - few.low).to.be.greaterThan(3 * (many.high - many.low));
    expect(Math.abs(few.chance - 0.5)).to.be.lessThan(Math.abs(many.chance - 0.5));
  });

  it('falls back to the performance baseline while the rating and objective terms do not help', () => {
    // Only the side and the performance difference decide; the rating logit and the objective
    // difference are noise the fit could chase.
    const next = lcg(9);
    const samples: CalibrationSample[] = Array.from({ length: 60 }, () => {
      const perfDiff = 2 * next() - 1;
      const p = 1 / (1 + Math.exp(-(-0.4 + 1.5 * perfDiff)));
      return { ratingLogit: 4 * next() - 2, perfDiff, objectiveDiff: 2 * next() - 1, outcome: next() < p ? 1 : 0 };
    });
    const fit = fitCalibration(samples);
    expect(fit.baseline.weights[1]).to.equal(0);
    expect(fit.baseline.weights[3]).to.equal(0);
    expect(fit.weights[2]).to.be.closeTo(fit.baseline.weights[2]!, 0.1);
    const gaps = synthetic(200, 10).map((s) => {
      const x = featureVector(s.ratingLogit, s.perfDiff, s.objectiveDiff);
      return Math.abs(chanceOf(fit, x).chance - chanceOf(fit.baseline, x).chance);
    });
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).to.be.lessThan(0.07);
  });

  it('gives the rating its weight once many maps show it helps', () => {
    const fit = fitCalibration(synthetic(2000, 13));
    const x = featureVector(2, 0, 0);
    expect(fit.weights[1]).to.be.greaterThan(0.6);
    expect(chanceOf(fit, x).chance - chanceOf(fit.baseline, x).chance).to.be.greaterThan(0.25);
  });

  it('refits after every map up to 100, then each time the maps grow by 5%', () => {
    expect(nextRefit(0)).to.equal(1);
    expect(nextRefit(99)).to.equal(100);
    expect(nextRefit(100)).to.equal(105);
    expect(nextRefit(105)).to.equal(111); // ceil(110.25)
    expect(lastRefit(0)).to.equal(0);
    expect(lastRefit(104)).to.equal(100);
    expect(lastRefit(105)).to.equal(105);
    const samples = synthetic(104, 5);
    expect(calibrationAfter(samples)).to.deep.equal(fitCalibration(samples.slice(0, 100)));
  });
});
