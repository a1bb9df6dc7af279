import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { EventMap } from '../../core/plugin-api/events';
import type { CollectorEmit, CollectorEventName, FileSink } from '../../core/collectors/types';
import type { Logger } from '../../core/logging/logger';
import type { Database } from '../../core/data/database';
import { num } from '../../core/data/sql';
import { Importer } from '../../core/ingest/importer';

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

  /** A file the collector did not fetch (too big): noted with empty content. */
  async recordRejected(name: string, reason: string, opts: { source: string; serverId: string; size: number }): Promise<{ status: string }> {
    const outcome = await this.inner.recordRejected(name, reason, opts);
    this.calls.push({ name, source: opts.source, serverId: opts.serverId, content: '', status: outcome.status });
    return outcome;
  }

  callsFor(name: string): SinkCall[] {
    return this.calls.filter((c) => c.name === name);
  }
}

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

/** The real importer (core/ingest) on the test database. */
export function importerFor(db: Database): FileSink {
  return new Importer(db);
}

/** How many rounds the database holds for a file name, and the player count of the last one. */
export async function roundCount(db: Database, fileName: string): Promise<{ rounds: number; players: number }> {
  const row = await db.read((sql) => sql.one('SELECT COUNT(*) AS rounds, MAX(player_count) AS players FROM rounds WHERE file_name = ?', [fileName]));
  return { rounds: num(row?.rounds), players: num(row?.players) };
}
