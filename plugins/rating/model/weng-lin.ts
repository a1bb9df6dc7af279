/**
 * Weng-Lin Bayesian rating (Weng & Lin 2011, "A Bayesian Approximation Method for Online Ranking",
 * Algorithm 1, Bradley-Terry full pairing) for two teams, with partial play.
 *
 * Each player has a skill belief N(mu, sigma^2). A team's performance is the weighted sum of its
 * players' performances, weight = the share of the map the player played, so
 *   team mu      = sum w_j mu_j
 *   team sigma^2 = sum w_j^2 sigma_j^2
 * For two teams i, q: c = sqrt(sigma_i^2 + sigma_q^2 + 2 beta^2), p_i = 1 / (1 + exp((mu_q - mu_i) / c)),
 *   s_i = 1 win, 1/2 draw, 0 loss
 *   Omega_i = sigma_i^2 / c * (s_i - p_i)
 *   Delta_i = gamma_i * sigma_i^2 / c^2 * p_i * (1 - p_i), gamma_i = sigma_i / c
 * and each player, by the chain rule through the weight:
 *   mu_j      += w_j * sigma_j^2 / sigma_i^2 * Omega_i
 *   sigma_j^2 *= max(1 - w_j^2 * sigma_j^2 / sigma_i^2 * Delta_i, kappa)
 * With every weight 1 this is exactly openskill's `bradley-terry-full` model (openskill 5 has no
 * weights, hence this file). Before a map every player's sigma^2 grows by tau^2 (skill drifts).
 */

export interface Skill {
  mu: number;
  sigma: number;
}

export interface WeightedSkill extends Skill {
  /** Share of the map played, in (0, 1]. */
  weight: number;
}

export interface RatingParams {
  /** A new player's mean. */
  mu: number;
  /** A new player's uncertainty. */
  sigma: number;
  /** Performance noise of one team in one map. */
  beta: number;
  /** Skill drift added (as variance tau^2) before each map. */
  tau: number;
  /** Floor of the variance shrink factor. */
  kappa: number;
}

/** openskill's defaults: mu 25, sigma 25/3, beta 25/6, tau 25/300, kappa 1e-4. */
export const DEFAULT_RATING_PARAMS: RatingParams = {
  mu: 25,
  sigma: 25 / 3,
  beta: 25 / 6,
  tau: 25 / 300,
  kappa: 0.0001,
};

/** The map result seen from team A. */
export type MapOutcome = 'A' | 'B' | 'draw';

interface TeamSums {
  mu: number;
  sigmaSq: number;
}

function teamSums(team: readonly WeightedSkill[]): TeamSums {
  let mu = 0;
  let sigmaSq = 0;
  for (const p of team) {
    mu += p.weight * p.mu;
    sigmaSq += p.weight * p.weight * p.sigma * p.sigma;
  }
  return { mu, sigmaSq };
}

function withDrift(team: readonly WeightedSkill[], tau: number): WeightedSkill[] {
  return team.map((p) => ({ ...p, sigma: Math.sqrt(p.sigma * p.sigma + tau * tau) }));
}

/** Probability that team A beats team B under the same model the update uses (no drift added). */
export function winProbability(a: readonly WeightedSkill[], b: readonly WeightedSkill[], params: RatingParams = DEFAULT_RATING_PARAMS): number {
  const ta = teamSums(a);
  const tb = teamSums(b);
  const c = Math.sqrt(ta.sigmaSq + tb.sigmaSq + 2 * params.beta * params.beta);
  return 1 / (1 + Math.exp((tb.mu - ta.mu) / c));
}

/** The players of both teams after one map, in the order given. */
export function rateMap(
  a: readonly WeightedSkill[],
  b: readonly WeightedSkill[],
  outcome: MapOutcome,
  params: RatingParams = DEFAULT_RATING_PARAMS,
): { a: Skill[]; b: Skill[] } {
  if (a.length === 0 || b.length === 0) throw new Error('rateMap: both teams need at least one player');
  for (const p of [...a, ...b]) {
    if (!(p.weight > 0 && p.weight <= 1)) throw new Error(`rateMap: weight ${p.weight} is not in (0, 1]`);
  }
  const da = withDrift(a, params.tau);
  const db = withDrift(b, params.tau);
  const ta = teamSums(da);
  const tb = teamSums(db);
  const c = Math.sqrt(ta.sigmaSq + tb.sigmaSq + 2 * params.beta * params.beta);
  const pa = 1 / (1 + Math.exp((tb.mu - ta.mu) / c));
  const sa = outcome === 'A' ? 1 : outcome === 'draw' ? 0.5 : 0;
  return {
    a: updateTeam(da, ta, c, sa, pa, params.kappa),
    b: updateTeam(db, tb, c, 1 - sa, 1 - pa, params.kappa),
  };
}

function updateTeam(team: readonly WeightedSkill[], sums: TeamSums, c: number, score: number, p: number, kappa: number): Skill[] {
  const omega = (sums.sigmaSq / c) * (score - p);
  const gamma = Math.sqrt(sums.sigmaSq) / c;
  const delta = ((gamma * sums.sigmaSq) / (c * c)) * p * (1 - p);
  return team.map((player) => {
    const share = (player.sigma * player.sigma) / sums.sigmaSq;
    return {
      mu: player.mu + player.weight * share * omega,
      sigma: player.sigma * Math.sqrt(Math.max(1 - player.weight * player.weight * share * delta, kappa)),
    };
  });
}
