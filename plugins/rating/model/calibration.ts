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
 * Every b has the prior N(0, 1): "no effect" until the maps show one, with room for effects of a
 * few logits. The fit is the posterior mode (Newton's method) and the Laplace approximation gives
 * its covariance; the chance shown integrates over it (MacKay's probit approximation), so a fit on
 * few maps gives chances near its side rate and an honest interval. Draws count as half a win.
 * A fit is used only for maps after the ones it saw, so every stored chance is a real forecast.
 */
export const FEATURES = ['side (team A attacks first)', 'rating logit', 'performance difference', 'objective difference'] as const;
const PRIOR_MEAN = [0, 0, 0, 0];
const PRIOR_SD = [1, 1, 1, 1];

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
  weights: PRIOR_MEAN,
  covariance: PRIOR_SD.map((sd, i) => PRIOR_SD.map((_, j) => (i === j ? sd * sd : 0))),
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

/** Posterior mode and Laplace covariance of the weights. */
export function fitCalibration(samples: readonly CalibrationSample[]): Calibration {
  const k = PRIOR_MEAN.length;
  const w = [...PRIOR_MEAN];
  let hessian: number[][] = [];
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((wi, i) => (wi - PRIOR_MEAN[i]!) / PRIOR_SD[i]! ** 2);
    hessian = PRIOR_SD.map((sd, i) => PRIOR_SD.map((_, j) => (i === j ? 1 / (sd * sd) : 0)));
    for (const s of samples) {
      const x = featureVector(s.ratingLogit, s.perfDiff, s.objectiveDiff);
      const p = logistic(dot(w, x));
      for (let i = 0; i < k; i++) {
        gradient[i]! += (p - s.outcome) * x[i]!;
        for (let j = 0; j < k; j++) hessian[i]![j]! += p * (1 - p) * x[i]! * x[j]!;
      }
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let i = 0; i < k; i++) {
      w[i]! -= step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (largest < 1e-10) break;
  }
  return { weights: w, covariance: invert(hessian), maps: samples.length };
}

/** Chance for a feature vector (see featureVector). */
export function chanceOf(calibration: Calibration, x: readonly number[]): Chance {
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
