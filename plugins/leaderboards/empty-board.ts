import type { Leaderboard } from 'etbot/plugin-api';

/** Why a board has nobody on it: nobody played, the files lack the field, too few rounds, or only bots. */
export function emptyBoardText(board: Leaderboard): string {
  const { unranked, stat, minRounds } = board;
  const players = (n: number) => (n === 1 ? '1 player' : `${n} players`);
  if (unranked.withoutValue > 0 && stat.newerField) {
    return `The stats files in this window carry no ${stat.newerField} field: older server scripts did not write it.`;
  }
  if (unranked.belowMinimum > 0) {
    return `Nobody has played ${minRounds} rounds in this window yet (${players(unranked.belowMinimum)} played fewer).`;
  }
  if (unranked.withoutValue > 0) return `Nobody in this window has a ${stat.label} to rank (${players(unranked.withoutValue)} without one).`;
  if (unranked.bots > 0) return `Only bots played in this window, and bots are left out of rankings.`;
  return 'Nobody has played in this window yet.';
}
