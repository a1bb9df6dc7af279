import { DEFAULT_RATING_PARAMS, winProbability, type RatingParams, type Skill } from './weng-lin';

export const MAX_BALANCE_PLAYERS = 12;

export interface BalancePlayer extends Skill {
  guid: string;
}

export interface BalancedTeams<P extends BalancePlayer> {
  team1: P[];
  team2: P[];
  /** Predicted probability that team 1 wins. */
  team1WinProbability: number;
}

/**
 * Splits players into two teams (sizes differing by at most one) whose predicted win probability
 * is closest to 50%, trying every split (C(11,5) = 462 for 12 players). Ties go to the split met
 * first, so the answer only depends on the order of `players`.
 */
export function balanceTeams<P extends BalancePlayer>(players: readonly P[], params: RatingParams = DEFAULT_RATING_PARAMS): BalancedTeams<P> {
  const { team1, team2 } = fairestSplit(players, (t1, t2) => Math.abs(winProbability(full(t1), full(t2), params) - 0.5));
  return { team1, team2, team1WinProbability: winProbability(full(team1), full(team2), params) };
}

/**
 * The split (sizes differing by at most one) with the smallest `gap`, trying every one. Ties go
 * to the split met first, so the answer only depends on the order of `players`.
 */
export function fairestSplit<P>(players: readonly P[], gap: (team1: P[], team2: P[]) => number): { team1: P[]; team2: P[] } {
  const n = players.length;
  if (n < 2) throw new Error('balanceTeams: at least 2 players');
  if (n > MAX_BALANCE_PLAYERS) throw new Error(`balanceTeams: at most ${MAX_BALANCE_PLAYERS} players`);
  const sizes = new Set([Math.floor(n / 2), Math.ceil(n / 2)]);
  let best: { team1: P[]; team2: P[] } | null = null;
  let bestGap = Infinity;
  // Player 0 is always in team 1: each split is met once.
  for (let mask = 1; mask < 1 << n; mask += 2) {
    if (!sizes.has(popcount(mask))) continue;
    const team1: P[] = [];
    const team2: P[] = [];
    players.forEach((p, i) => (mask & (1 << i) ? team1 : team2).push(p));
    const g = gap(team1, team2);
    if (g < bestGap - 1e-12) {
      bestGap = g;
      best = { team1, team2 };
    }
  }
  return best!;
}

function full(team: readonly Skill[]): { mu: number; sigma: number; weight: number }[] {
  return team.map((p) => ({ mu: p.mu, sigma: p.sigma, weight: 1 }));
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
