/** One counted round of a player. */
export interface StreakRound {
  kills: number;
  deaths: number;
  /** "best killing spree" of the round. */
  spree: number;
  /** 'YYYY-MM-DD HH:MM map Rn' */
  label: string;
}

export interface Streaks {
  rounds: number;
  longestRun: number;
  longestFrom: string | null;
  longestTo: string | null;
  currentRun: number;
  bestSpree: number;
  bestSpreeAt: string | null;
}

/** K/D as the spec defines it (§5): kills / deaths, or kills when there were no deaths. */
export function roundKd(kills: number, deaths: number): number {
  return deaths === 0 ? kills : kills / deaths;
}

/**
 * Runs of consecutive rounds with K/D >= minKd, and the best killing spree (the first round that
 * reached it), fed one round at a time, oldest first: a rebuild keeps one of these per player
 * rather than every player's rounds.
 */
export class StreakCounter {
  private readonly streaks: Streaks = { rounds: 0, longestRun: 0, longestFrom: null, longestTo: null, currentRun: 0, bestSpree: 0, bestSpreeAt: null };
  private runStart: string | null = null;

  constructor(private readonly minKd: number) {}

  add(round: StreakRound): void {
    const s = this.streaks;
    s.rounds++;
    if (roundKd(round.kills, round.deaths) >= this.minKd) {
      if (s.currentRun === 0) this.runStart = round.label;
      s.currentRun++;
      if (s.currentRun > s.longestRun) {
        s.longestRun = s.currentRun;
        s.longestFrom = this.runStart;
        s.longestTo = round.label;
      }
    } else {
      s.currentRun = 0;
    }
    if (round.spree > s.bestSpree) {
      s.bestSpree = round.spree;
      s.bestSpreeAt = round.label;
    }
  }

  result(): Streaks {
    return { ...this.streaks };
  }
}

/** The streaks of a player's rounds, oldest first. */
export function computeStreaks(rounds: readonly StreakRound[], minKd: number): Streaks {
  const counter = new StreakCounter(minKd);
  for (const round of rounds) counter.add(round);
  return counter.result();
}
