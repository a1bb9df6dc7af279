import type { RoundHeaderRow, RoundLookupService, RoundValuesService, SessionRowsService } from 'etbot/plugin-api';

export interface MapRounds {
  r1: RoundHeaderRow | null;
  r2: RoundHeaderRow | null;
}

const FILE_NAME = /^\d{4}-\d\d-\d\d-\d{6}-.+-round-\d+(\.txt)?$/i;

/** The round a word names (`last`, a stats file name, or a map: its latest round) with its paired round; null when none. */
export async function findMapRounds(
  word: string,
  services: { lookup: RoundLookupService; values: RoundValuesService; sessionRows: SessionRowsService },
): Promise<MapRounds | null> {
  const { lookup, values, sessionRows } = services;
  const roundId =
    word.toLowerCase() === 'last'
      ? await sessionRows.lastRoundId()
      : FILE_NAME.test(word)
        ? await lookup.roundByFileName(word)
        : await lookup.latestRoundOfMap(word);
  if (roundId === null) return null;
  const [round] = await values.headers([roundId]);
  if (!round) return null;
  const [partner] = round.pairedRoundId === null ? [] : await values.headers([round.pairedRoundId]);
  const pair = [round, partner].filter((h): h is RoundHeaderRow => h !== undefined);
  return { r1: pair.find((h) => h.roundNumber === 1) ?? null, r2: pair.find((h) => h.roundNumber === 2) ?? null };
}
