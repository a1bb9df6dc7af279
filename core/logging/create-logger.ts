import pino from 'pino';
import pretty from 'pino-pretty';
import { Writable } from 'node:stream';
import type { Logger } from './logger';

export interface LoggerOptions {
  level: string;
  /** Values that must never appear in a log line (tokens, passwords). */
  secrets?: readonly string[];
  /** Human-readable output; default: when stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; default stderr so command replies on stdout stay clean. */
  destination?: NodeJS.WritableStream;
}

const MASK = '***';

/** Replaces every known secret in a log line; secrets shorter than 4 characters are not trusted as secrets. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s && s.length >= 4);
  const target = options.destination ?? process.stderr;
  const usePretty = options.pretty ?? Boolean((process.stderr as { isTTY?: boolean }).isTTY);
  const scrubbed = new Writable({
    write(chunk: Buffer, _enc, done) {
      target.write(scrubSecrets(chunk.toString('utf8'), secrets));
      done();
    },
  });
  const stream = usePretty
    ? pretty({
        destination: scrubbed,
        sync: true,
        colorize: Boolean((target as { isTTY?: boolean }).isTTY),
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
      })
    : scrubbed;
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ['token', '*.token', 'password', '*.password', 'passphrase', '*.passphrase'], censor: MASK },
    },
    stream,
  );
}

/** A logger that drops everything (tests, quiet CLI paths). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
