/**
 * The number players see: 1000 + 40 x (mu - 3 sigma), rounded.
 *
 * mu - 3 sigma is the conservative estimate (the skill we are ~99.9% sure a player is above), so a
 * new player (mu 25, sigma 25/3) shows exactly 1000 and earns points as the maps make the model
 * surer of them; one point of mu is worth 40 shown points. In team play sigma falls slowly (3.5-5
 * after 100-200 maps), so a regular with an even record shows about 1000 + 40 x (25 - 3 x 4) = 1500.
 */
export const RATING_BASE = 1000;
export const RATING_SCALE = 40;
export const CONSERVATIVE_Z = 3;

/** mu - 3 sigma. */
export function conservativeSkill(mu: number, sigma: number): number {
  return mu - CONSERVATIVE_Z * sigma;
}

export function displayRating(mu: number, sigma: number): number {
  return Math.round(RATING_BASE + RATING_SCALE * conservativeSkill(mu, sigma));
}

/** One sigma on the shown scale: 40 x sigma (a new player: 333). */
export function displayUncertainty(sigma: number): number {
  return Math.round(RATING_SCALE * sigma);
}
