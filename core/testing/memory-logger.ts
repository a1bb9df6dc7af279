import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../logging/logger';

/** A logger that keeps its JSON lines in memory, for tests that check what was logged. */
export function memoryLogger(level = 'debug'): { logger: Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines: () => chunks.join('') };
}
