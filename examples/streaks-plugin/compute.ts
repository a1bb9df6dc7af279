/** One counted round of a player, oldest first. */
export interface PlayerRoundRow {
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

/** Runs of consecutive rounds with K/D >= minKd, and the best killing spree (the first round that reached it). */
export function computeStreaks(rows: readonly PlayerRoundRow[], minKd: number): Streaks {
  let longestRun = 0;
  let longestFrom: string | null = null;
  let longestTo: string | null = null;
  let currentRun = 0;
  let runStart: string | null = null;
  let bestSpree = 0;
  let bestSpreeAt: string | null = null;
  for (const row of rows) {
    if (roundKd(row.kills, row.deaths) >= minKd) {
      if (currentRun === 0) runStart = row.label;
      currentRun++;
      if (currentRun > longestRun) {
        longestRun = currentRun;
        longestFrom = runStart;
        longestTo = row.label;
      }
    } else {
      currentRun = 0;
    }
    if (row.spree > bestSpree) {
      bestSpree = row.spree;
      bestSpreeAt = row.label;
    }
  }
  return { rounds: rows.length, longestRun, longestFrom, longestTo, currentRun, bestSpree, bestSpreeAt };
}
