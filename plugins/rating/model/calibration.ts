/**
 * The win chance shown and stored: a Bayesian logistic regression fitted on past maps only.
 *
 *     P(team A wins) = logistic(b0 + b1 x rating logit + b2 x performance difference + b3 x objective difference)
 *
 * - b0: the side. Team A attacks first, which stopwatch disfavours (the team attacking second
 *   knows the time to beat).
 * - rating logit: ln(p / (1 - p)) of the Weng-Lin chance between the two teams' players, from map
 *   results only (the side is b0's job).
 * - performance and objective differences: see performance.ts.
 *
 * The prior makes the honest fallback: until past maps show that the rating and the objective
 * index add something, the chance is the performance baseline, logistic(c0 + c2 x performance
 * difference), the K/D-type forecast (fitted the same way, on the same past maps, with the same
 * N(0, 1) priors; stored as `baseline`). In the full model b0 and b2 keep those N(0, 1) priors
 * and b1 and b3 get N(0, EXTRA_PRIOR_SD^2): while b1 and b3 stay near 0 the side and performance
 * weights are the baseline's, and the rating and objective terms gain weight only as far as the
 * likelihood of past maps outweighs that prior. (Centring b2's prior on the baseline's fitted c2
 * instead would use the same maps twice: on few maps it made the full fit more extreme than the
 * baseline, the opposite of a fallback.)
 * EXTRA_PRIOR_SD is 0.5: a weight of 1 (a rating logit taken at face value) is two prior sds out;
 * with a rating logit spread of 1 about 20 maps' worth of evidence carries the weight half way.
 * The fit is the posterior mode (Newton's method) and the Laplace approximation gives its
 * covariance; the chance shown integrates over it (MacKay's probit approximation), so a fit on few
 * maps gives chances near its side rate and an honest interval. Draws count as half a win. A fit
 * is used only for maps after the ones it saw, so every stored chance is a real forecast.
 */
export const FEATURES = ['side (team A attacks first)', 'rating logit', 'performance difference', 'objective difference'] as const;
/** The baseline's features (indexes into FEATURES) and prior sd. */
const BASELINE_FEATURES = [0, 2];
const BASELINE_PRIOR_SD = 1;
/** Prior sd of the full model's weights (all with mean 0): the baseline's for side and performance, tighter for the rest. */
const CORE_PRIOR_SD = 1;
const EXTRA_PRIOR_SD = 0.5;
const PRIOR_SD = [CORE_PRIOR_SD, EXTRA_PRIOR_SD, CORE_PRIOR_SD, EXTRA_PRIOR_SD];

export interface CalibrationSample {
  /** The rating logit and the performance and objective differences, team A minus team B. */
  ratingLogit: number;
  perfDiff: number;
  objectiveDiff: number;
  /** 1 team A won, 0 team B won, 0.5 draw. */
  outcome: number;
}

export interface Calibration {
  weights: number[];
  covariance: number[][];
  /**
   * The performance baseline fitted on the same maps, over FEATURES (the rating and objective
   * terms 0 and certain): what the full fit falls back to while those terms earn no weight.
   */
  baseline: { weights: number[]; covariance: number[][] };
  /** Maps the fit saw. */
  maps: number;
}

export interface Chance {
  /** The posterior predictive chance. */
  chance: number;
  /** The central 90% of the chance's posterior. */
  low: number;
  high: number;
}

/** The fit before any map: the prior. */
export const PRIOR_CALIBRATION: Calibration = {
  weights: [0, 0, 0, 0],
  covariance: PRIOR_SD.map((sd, i) => PRIOR_SD.map((_, j) => (i === j ? sd * sd : 0))),
  baseline: {
    weights: [0, 0, 0, 0],
    covariance: [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j && BASELINE_FEATURES.includes(i) ? BASELINE_PRIOR_SD ** 2 : 0))),
  },
  maps: 0,
};

/**
 * When to refit: after every map up to 100, then each time the maps grow by 5%, so a recompute of
 * tens of thousands of maps fits about 150 times, not once per map. Depends only on the count, so
 * an incremental update refits where a recompute would.
 */
export function nextRefit(maps: number): number {
  return maps < 100 ? maps + 1 : Math.ceil(maps * 1.05);
}

/** The largest refit point at or below `maps` (0 before the first map). */
export function lastRefit(maps: number): number {
  let at = 0;
  for (let next = 1; next <= maps; next = nextRefit(next)) at = next;
  return at;
}

export function isRefitPoint(maps: number): boolean {
  return maps > 0 && lastRefit(maps) === maps;
}

/** The calibration the next map is forecast with, after these samples (in rating order). */
export function calibrationAfter(samples: readonly CalibrationSample[]): Calibration {
  const at = lastRefit(samples.length);
  return at === 0 ? PRIOR_CALIBRATION : fitCalibration(samples.slice(0, at));
}

export function featureVector(ratingLogit: number, perfDiff: number, objectiveDiff: number, side = 1): number[] {
  return [side, ratingLogit, perfDiff, objectiveDiff];
}

/** The baseline's fit, then the full model's (see the top); the mode is unique, the baseline's is only a start. */
export function fitCalibration(samples: readonly CalibrationSample[]): Calibration {
  const xs = samples.map((s) => featureVector(s.ratingLogit, s.perfDiff, s.objectiveDiff));
  const ys = samples.map((s) => s.outcome);
  const base = fitLogistic(
    xs.map((x) => BASELINE_FEATURES.map((i) => x[i]!)),
    ys,
    BASELINE_FEATURES.map(() => BASELINE_PRIOR_SD),
  );
  const at = (i: number) => BASELINE_FEATURES.indexOf(i);
  const baseline = {
    weights: FEATURES.map((_, i) => (at(i) < 0 ? 0 : base.mode[at(i)]!)),
    covariance: FEATURES.map((_, i) => FEATURES.map((__, j) => (at(i) < 0 || at(j) < 0 ? 0 : base.covariance[at(i)]![at(j)]!))),
  };
  const full = fitLogistic(xs, ys, PRIOR_SD, baseline.weights);
  return { weights: full.mode, covariance: full.covariance, baseline, maps: samples.length };
}

/** Posterior mode and Laplace covariance of a logistic regression with independent normal priors. */
function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], priorSd: readonly number[], start: readonly number[] = priorSd.map(() => 0)) {
  const k = priorSd.length;
  const w = [...start];
  let hessian: number[][] = [];
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((wi, i) => wi / priorSd[i]! ** 2);
    hessian = priorSd.map((sd, i) => priorSd.map((_, j) => (i === j ? 1 / (sd * sd) : 0)));
    xs.forEach((x, n) => {
      const p = logistic(dot(w, x));
      for (let i = 0; i < k; i++) {
        gradient[i]! += (p - ys[n]!) * x[i]!;
        for (let j = 0; j < k; j++) hessian[i]![j]! += p * (1 - p) * x[i]! * x[j]!;
      }
    });
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let i = 0; i < k; i++) {
      w[i]! -= step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (largest < 1e-10) break;
  }
  return { mode: w, covariance: invert(hessian) };
}

/** Chance for a feature vector (see featureVector); `calibration.baseline` gives the baseline's. */
export function chanceOf(calibration: Pick<Calibration, 'weights' | 'covariance'>, x: readonly number[]): Chance {
  const mean = dot(calibration.weights, x);
  const variance = Math.max(0, quadratic(calibration.covariance, x));
  const spread = 1.645 * Math.sqrt(variance);
  return { chance: logistic(mean / Math.sqrt(1 + (Math.PI * variance) / 8)), low: logistic(mean - spread), high: logistic(mean + spread) };
}

/** Chance that team 1 wins a map when it is not known who attacks first: the mean of both orders. */
export function chanceEitherSide(calibration: Calibration, ratingLogit: number, perfDiff: number, objectiveDiff: number): Chance {
  const first = chanceOf(calibration, featureVector(ratingLogit, perfDiff, objectiveDiff, 1));
  const second = chanceOf(calibration, featureVector(ratingLogit, perfDiff, objectiveDiff, -1));
  const mean = (a: number, b: number) => (a + b) / 2;
  return { chance: mean(first.chance, second.chance), low: mean(first.low, second.low), high: mean(first.high, second.high) };
}

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, ai, i) => s + ai * b[i]!, 0);
}

function quadratic(m: readonly (readonly number[])[], x: readonly number[]): number {
  return x.reduce((s, xi, i) => s + xi * dot(m[i]!, x), 0);
}

/** Gaussian elimination with partial pivoting (the matrices are small and positive definite). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

function invert(a: readonly (readonly number[])[]): number[][] {
  const columns = a.map((_, j) =>
    solve(
      a,
      a.map((__, i) => (i === j ? 1 : 0)),
    ),
  );
  return a.map((_, i) => columns.map((col) => col[i]!));
}
