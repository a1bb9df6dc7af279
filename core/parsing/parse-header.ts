import { stripColors } from './names';
import type { ParsedFileName, RoundHeader } from './types';

const TIME_LIMIT = /^\d+:[0-5]\d$/;
const INTEGER = /^-?\d+$/;

/** Parses line 1 (§2, §9 "Header checks"); returns the header or the rejection reason. */
export function parseHeader(line: string, file: ParsedFileName): RoundHeader | string {
  const f = line.split('\\');
  if (f.length !== 8 && f.length !== 9) return `header has ${f.length} fields, expected 8 or 9`;
  const [serverName, map, config, roundText, defenderText, winnerText, timeLimit, nextTimeLimit] = f as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (map !== file.map) return `map in header '${map}' differs from file name '${file.map}'`;
  if (roundText !== String(file.round)) return `round in header '${roundText}' differs from file name's round ${file.round}`;
  if (defenderText !== '1' && defenderText !== '2') return `defenderteam '${defenderText}' is not 1 or 2`;
  if (winnerText !== '0' && winnerText !== '1' && winnerText !== '2') return `winnerteam '${winnerText}' is not 0, 1 or 2`;
  if (!TIME_LIMIT.test(timeLimit)) return `timelimit '${timeLimit}' is not M:SS`;
  if (!TIME_LIMIT.test(nextTimeLimit)) return `nextTimeLimit '${nextTimeLimit}' is not M:SS`;
  const timeLimitSeconds = minutesSecondsToSeconds(timeLimit);
  const nextTimeLimitSeconds = minutesSecondsToSeconds(nextTimeLimit);
  if (!Number.isSafeInteger(timeLimitSeconds) || !Number.isSafeInteger(nextTimeLimitSeconds)) {
    return 'time limit in header is too large';
  }
  let playtimeMs: number | null = null;
  if (f.length === 9) {
    const text = f[8]!;
    if (!INTEGER.test(text)) return `playtime_ms '${text}' is not an integer`;
    playtimeMs = Number(text);
    if (!Number.isSafeInteger(playtimeMs)) return `playtime_ms '${text}' is out of range`;
  }
  return {
    serverName,
    serverNameClean: stripColors(serverName),
    map,
    config,
    round: file.round,
    defenderTeam: defenderText === '1' ? 1 : 2,
    winnerTeam: winnerText === '0' ? 0 : winnerText === '1' ? 1 : 2,
    timeLimit,
    nextTimeLimit,
    timeLimitSeconds,
    nextTimeLimitSeconds,
    playtimeMs,
  };
}

function minutesSecondsToSeconds(text: string): number {
  const colon = text.indexOf(':');
  return Number(text.slice(0, colon)) * 60 + Number(text.slice(colon + 1));
}
