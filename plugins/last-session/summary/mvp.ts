/**
 * MVP points, from sums (never averages), so a player who played the whole session is not beaten
 * by one lucky round:
 *
 *   2 x kills  -  deaths  +  damage given / 100  +  2 x revives given  +  5 x objective actions
 *
 * Objective actions are objectives stolen + returned + dynamites planted + defused. The MVP is the
 * player with most points; ties go to higher DPM, then the name.
 */
export const MVP_WEIGHTS = { kill: 2, death: -1, damagePer100: 1, revive: 2, objective: 5 } as const;

export interface MvpInput {
  kills: number;
  deaths: number;
  damageGiven: number;
  revivesGiven: number | null;
  objectives: number;
}

/** Points rounded to one decimal. */
export function mvpPoints(p: MvpInput): number {
  const w = MVP_WEIGHTS;
  const raw = w.kill * p.kills + w.death * p.deaths + (w.damagePer100 * p.damageGiven) / 100 + w.revive * (p.revivesGiven ?? 0) + w.objective * p.objectives;
  return Math.round(raw * 10) / 10;
}

/** One line for help texts and embeds' footers. */
export const MVP_FORMULA = 'MVP points: 2/kill, -1/death, 1/100 damage, 2/revive, 5/objective';

export function pickMvp<T extends { mvpPoints: number; name: string; dpm?: number | null }>(players: readonly T[]): T | null {
  let best: T | null = null;
  for (const p of players) {
    if (!best || compareMvp(p, best) < 0) best = p;
  }
  return best;
}

/** Most points first, then higher DPM, then name. */
export function compareMvp<T extends { mvpPoints: number; name: string; dpm?: number | null }>(a: T, b: T): number {
  return b.mvpPoints - a.mvpPoints || (b.dpm ?? 0) - (a.dpm ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
