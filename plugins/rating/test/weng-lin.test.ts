import { expect } from 'chai';
import { rate as openskillRate } from 'openskill';
import { bradleyTerryFull } from 'openskill/models';
import { displayRating } from '../model/scale';
import { DEFAULT_RATING_PARAMS, rateMap, winProbability, type WeightedSkill } from '../model/weng-lin';

const fresh = (weight = 1): WeightedSkill => ({ mu: 25, sigma: 25 / 3, weight });
const close = 1e-6;

/*
 * Hand-worked: 2 v 2, everybody new (mu 25, sigma 25/3), beta 25/6, tau 25/300, team A wins.
 *   drift:  sigma'^2 = (25/3)^2 + (25/300)^2 = 69.444444 + 0.006944 = 69.451389
 *   team:   sigma_i^2 = 2 x 69.451389 = 138.902778, team mu 50 on both sides
 *   c^2 = 138.902778 + 138.902778 + 2 x (25/6)^2 = 277.805556 + 34.722222 = 312.527778, c = 17.678455
 *   p_A = 1 / (1 + exp(0)) = 0.5
 *   Omega_A = 138.902778 / 17.678455 x (1 - 0.5) = 3.928589      (Omega_B = -3.928589)
 *   player: mu += 69.451389 / 138.902778 x 3.928589 = 1.964295  -> 26.964295 (losers 23.035705)
 *   gamma = sqrt(138.902778) / c = 11.785702 / 17.678455 = 0.666670
 *   Delta = 0.666670 x 138.902778 / 312.527778 x 0.5 x 0.5 = 0.074075
 *   sigma^2 = 69.451389 x (1 - 0.5 x 0.074075) = 66.879073 -> sigma = 8.177963 (both sides)
 * A draw: s = 1/2 = p, so Omega = 0: mu stays 25 exactly, sigma shrinks the same (8.177963).
 */
describe('rating: Weng-Lin two-team update (hand-worked)', () => {
  it('a 2-0 win between new players moves mu by 1.964295 each way and sigma to 8.177963', () => {
    const { a, b } = rateMap([fresh(), fresh()], [fresh(), fresh()], 'A');
    for (const p of a) {
      expect(p.mu).to.be.closeTo(26.964295, close);
      expect(p.sigma).to.be.closeTo(8.177963, close);
    }
    for (const p of b) {
      expect(p.mu).to.be.closeTo(23.035705, close);
      expect(p.sigma).to.be.closeTo(8.177963, close);
    }
  });

  it('team B winning mirrors team A winning', () => {
    const { a, b } = rateMap([fresh(), fresh()], [fresh(), fresh()], 'B');
    expect(a[0]!.mu).to.be.closeTo(23.035705, close);
    expect(b[1]!.mu).to.be.closeTo(26.964295, close);
  });

  it('a 1-1 draw between equal teams leaves mu at 25 and shrinks sigma exactly as a win does', () => {
    const { a, b } = rateMap([fresh(), fresh()], [fresh(), fresh()], 'draw');
    for (const p of [...a, ...b]) {
      expect(p.mu).to.equal(25);
      expect(p.sigma).to.be.closeTo(8.177963, close);
    }
  });

  it('draws move ratings less than wins, also between unequal teams', () => {
    const strong = { mu: 30, sigma: 4, weight: 1 };
    const weak = { mu: 22, sigma: 5, weight: 1 };
    const win = rateMap([weak], [strong], 'A');
    const draw = rateMap([weak], [strong], 'draw');
    // The underdog gains from a draw (it was expected to lose) but less than from a win.
    expect(draw.a[0]!.mu).to.be.above(22);
    expect(draw.a[0]!.mu - 22).to.be.below(win.a[0]!.mu - 22);
    expect(draw.b[0]!.mu).to.be.below(30);
    expect(30 - draw.b[0]!.mu).to.be.below(30 - win.b[0]!.mu);
  });

  /*
   * Hand-worked: A = {full time, half time}, B = {full, full}, all new, A wins.
   *   sigma'^2 = 69.451389 as above
   *   team A: mu = 25 + 0.5 x 25 = 37.5, sigma_A^2 = 69.451389 + 0.25 x 69.451389 = 86.814236
   *   team B: mu = 50, sigma_B^2 = 138.902778
   *   c^2 = 86.814236 + 138.902778 + 34.722222 = 260.439236, c = 16.138130
   *   p_A = 1 / (1 + exp(12.5 / 16.138130)) = 0.315493
   *   Omega_A = 86.814236 / 16.138130 x (1 - 0.315493) = 3.682271
   *   full-time:  mu += 1.0 x 69.451389 / 86.814236 x 3.682271 = 2.945817 -> 27.945817
   *   half-time:  mu += 0.5 x 69.451389 / 86.814236 x 3.682271 = 1.472908 -> 26.472908
   * so the half-time player moves exactly half as far as the full-time teammate, and less than a
   * full-time winner of an even map (1.964295).
   */
  it('a player who played half the map moves half as far as a full-time teammate', () => {
    const { a } = rateMap([fresh(1), fresh(0.5)], [fresh(), fresh()], 'A');
    expect(a[0]!.mu).to.be.closeTo(27.945817, close);
    expect(a[1]!.mu).to.be.closeTo(26.472908, close);
    expect(a[1]!.mu - 25).to.be.closeTo((a[0]!.mu - 25) / 2, 1e-9);
    expect(a[1]!.mu - 25).to.be.below(1.964295);
    // Less play, less learnt: the half-time player's sigma shrinks less.
    expect(a[1]!.sigma).to.be.above(a[0]!.sigma);
  });

  it('with every weight 1 it equals openskill bradley-terry-full (an independent implementation)', () => {
    const teamA = [
      { mu: 31.2, sigma: 3.1 },
      { mu: 24.0, sigma: 6.5 },
      { mu: 18.7, sigma: 2.2 },
    ];
    const teamB = [
      { mu: 27.5, sigma: 4.4 },
      { mu: 26.1, sigma: 8.0 },
    ];
    for (const [outcome, rank] of [
      ['A', [1, 2]],
      ['B', [2, 1]],
      ['draw', [1, 1]],
    ] as const) {
      const ours = rateMap(
        teamA.map((p) => ({ ...p, weight: 1 })),
        teamB.map((p) => ({ ...p, weight: 1 })),
        outcome,
      );
      const theirs = openskillRate([teamA, teamB], { model: bradleyTerryFull, rank: [...rank] });
      ours.a.forEach((p, i) => {
        expect(p.mu).to.be.closeTo(theirs[0]![i]!.mu, 1e-9);
        expect(p.sigma).to.be.closeTo(theirs[0]![i]!.sigma, 1e-9);
      });
      ours.b.forEach((p, i) => {
        expect(p.mu).to.be.closeTo(theirs[1]![i]!.mu, 1e-9);
        expect(p.sigma).to.be.closeTo(theirs[1]![i]!.sigma, 1e-9);
      });
    }
  });

  /*
   * Hand-worked: three maps, 1 v 1, X and Y new. X wins, X wins again, then a draw.
   * Map 1: sigma'^2 = 69.451389 each; c^2 = 2 x 69.451389 + 34.722222 = 173.625000, c = 13.176684; p = 0.5
   *   Omega_X = 69.451389 / 13.176684 x 0.5 = 2.635389 -> mu_X 27.635389, mu_Y 22.364611
   *   gamma = 8.333750 / 13.176684 = 0.632462; Delta = 0.632462 x 69.451389 / 173.625 x 0.25 = 0.063247
   *   sigma^2 = 69.451389 x (1 - 0.063247) = 65.058766 (Delta unrounded) -> sigma 8.065901
   * Map 2: sigma'^2 = 65.058766 + 0.006944 = 65.065710; c^2 = 2 x 65.065710 + 34.722222 = 164.853642, c = 12.839534
   *   p_X = 1 / (1 + exp(-(27.635389 - 22.364611) / 12.839534)) = 1 / (1 + exp(-0.410512)) = 0.601211
   *   Omega_X = 65.065710 / 12.839534 x (1 - 0.601211) = 2.020908 -> mu_X 29.656297, mu_Y 20.343703
   *   Delta = 0.628242 x 65.065710 / 164.853642 x 0.601211 x 0.398789 = 0.059450 -> sigma 7.822887
   * Map 3 (draw): c = 12.535200, p_X = 0.677633; Omega_X = 61.204508 / 12.535200 x (0.5 - 0.677633)
   *   = -0.867313 -> mu_X 28.788984, mu_Y 21.211016: a draw against the weaker player costs the favourite.
   *   Delta = 0.053104 -> sigma 7.612773
   */
  it('three maps in a row (win, win, draw) follow the hand-worked numbers', () => {
    let x = { mu: 25, sigma: 25 / 3 };
    let y = { mu: 25, sigma: 25 / 3 };
    const expected: [number, number, number][] = [
      [27.635389, 22.364611, 8.065901],
      [29.656297, 20.343703, 7.822887],
      [28.788984, 21.211016, 7.612773],
    ];
    (['A', 'A', 'draw'] as const).forEach((outcome, i) => {
      const r = rateMap([{ ...x, weight: 1 }], [{ ...y, weight: 1 }], outcome);
      [x, y] = [r.a[0]!, r.b[0]!];
      const [muX, muY, sigma] = expected[i]!;
      expect(x.mu).to.be.closeTo(muX, close);
      expect(y.mu).to.be.closeTo(muY, close);
      expect(x.sigma).to.be.closeTo(sigma, close);
      expect(y.sigma).to.be.closeTo(sigma, close);
    });
  });

  it('win probability: 0.5 between equal teams, higher for the stronger team', () => {
    expect(winProbability([fresh(), fresh()], [fresh(), fresh()])).to.equal(0.5);
    // mu 30 vs 25, sigma 0: c = sqrt(2 x (25/6)^2) = 5.892557, p = 1 / (1 + exp(-5 / 5.892557)) = 0.700258
    expect(winProbability([{ mu: 30, sigma: 0, weight: 1 }], [{ mu: 25, sigma: 0, weight: 1 }])).to.be.closeTo(0.700258, 1e-6);
  });

  it('rejects weights outside (0, 1] and empty teams', () => {
    expect(() => rateMap([fresh(0)], [fresh()], 'A')).to.throw(/weight 0/);
    expect(() => rateMap([fresh(1.5)], [fresh()], 'A')).to.throw(/weight 1.5/);
    expect(() => rateMap([], [fresh()], 'A')).to.throw(/at least one player/);
  });

  it('shows 1000 for a new player: 1000 + 40 x (25 - 3 x 25/3)', () => {
    expect(displayRating(DEFAULT_RATING_PARAMS.mu, DEFAULT_RATING_PARAMS.sigma)).to.equal(1000);
    // 1000 + 40 x (26.964295 - 3 x 8.177963) = 1000 + 40 x 2.430406 = 1097.2 -> 1097
    expect(displayRating(26.964295, 8.177963)).to.equal(1097);
  });
});
