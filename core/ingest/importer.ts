import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../data/database';
import { Sql, num, type SqlValue } from '../data/sql';
import type { EventMap, EventName } from '../plugin-api/events';
import { contentHash, parseStatsFile, type ParseResult, type ParseWarning } from '../parsing';
import { ChangeSet } from './store/change-set';
import { insertRound, removeRoundOfFile, type RoundSettings } from './store/rounds-store';
import { reconcilePairing } from './store/pairing-store';
import { refreshSession, regroupSessions } from './store/sessions-store';
import { rebuildAliases, renamePlayers } from './store/players-store';
import { importPaths, type ImportPathsOptions, type ImportSummary } from './import-paths';
import { withTransientRetry, type RetryOptions } from './retry';
import { replaceNulBytes } from './nul-bytes';

export type ImportStatus = 'imported' | 'duplicate' | 'rejected' | 'replaced' | 'unchanged';

export interface ImportOptions {
  /** Where the file came from (collector name, 'cli', ...). */
  source: string;
  /** The game server the file belongs to (default 'default'). */
  serverId?: string;
}

export interface ImportOutcome {
  status: ImportStatus;
  /** The file name. */
  file: string;
  reason?: string;
  warnings: ParseWarning[];
  /** The stored round (imported/replaced; for a duplicate: the round of the copy that holds it). */
  roundId?: number;
  /** For a duplicate: the file name of the imported copy. */
  duplicateOf?: string;
  /** Other rounds updated because of this file (re-paired, re-derived). */
  rederivedRoundIds: number[];
}

/** Where the importer reports what it did, after each commit (the core EventBus fits). */
export interface ImportEventSink {
  emit<E extends EventName>(event: E, payload: EventMap[E]): unknown;
}

export interface ImporterSettings extends RoundSettings {}

export const DEFAULT_IMPORT_SETTINGS: ImporterSettings = { timezone: 'UTC', pairingWindowMinutes: 45, sessionGapMinutes: 60 };

/** Arbitrary constant: the PostgreSQL advisory lock every import transaction takes. */
export const IMPORT_LOCK_KEY = 73_461_201;

type PendingEvent = { [E in EventName]: { event: E; payload: EventMap[E] } }[EventName];

/**
 * Imports round stats files exactly once (spec §8, §9): one transaction per file, duplicates by
 * content whatever the name or line endings (the earliest file name holds the import), same name
 * with new content replaces, rejected files recorded with their reason. Derived data (pairing,
 * R2 values, orphans, matches, sessions, teams, names) is brought up to date in the same
 * transaction, so the stored result depends only on the set of files, not their order.
 */
export class Importer {
  constructor(
    private readonly db: Database,
    private readonly settings: ImporterSettings = DEFAULT_IMPORT_SETTINGS,
    private readonly events?: ImportEventSink,
    /** Transient database failures (connection lost, server restarting, SQLite locked) are retried. */
    private readonly retry: RetryOptions = {},
  ) {}

  /** Reads and imports one file; the name used is the file's base name. */
  async importFile(filePath: string, options: ImportOptions): Promise<ImportOutcome> {
    const name = path.basename(filePath);
    let content: Buffer;
    try {
      content = await fs.readFile(filePath);
    } catch (err) {
      return this.importParsed(name, Buffer.alloc(0), { ok: false, fileName: name, reason: `cannot read ${filePath}: ${(err as Error).message}` }, options, path.resolve(filePath));
    }
    return this.importContent(name, content, options, path.resolve(filePath));
  }

  async importContent(name: string, raw: Buffer | string, options: ImportOptions, localPath?: string): Promise<ImportOutcome> {
    const content = replaceNulBytes(raw);
    return this.importParsed(name, content, parseStatsFile(name, content), options, localPath);
  }

  /** Imports files and folders (only the files that count, §9), in name order; a summary. */
  importPaths(paths: readonly string[], options: ImportPathsOptions): Promise<ImportSummary> {
    return importPaths(this, paths, options);
  }

  /** Tries every rejected file again: from its path when it still exists there, else from the stored content. */
  async retryRejected(): Promise<ImportOutcome[]> {
    const rejected = await this.db.read((sql) =>
      sql.all(`SELECT name, server_id, source, path, content FROM stats_files WHERE status = 'rejected' ORDER BY ${sql.bytewise('name')}`),
    );
    const outcomes: ImportOutcome[] = [];
    for (const r of rejected) {
      const options = { source: String(r.source), serverId: String(r.server_id) };
      let content: Buffer | string = r.content === null ? '' : String(r.content);
      const localPath = r.path === null ? undefined : String(r.path);
      if (localPath) content = await fs.readFile(localPath).catch(() => content);
      outcomes.push(await this.importParsed(String(r.name), content, parseStatsFile(String(r.name), content), options, localPath, true));
    }
    return outcomes;
  }

  private async importParsed(
    name: string,
    content: Buffer | string,
    parsed: ParseResult,
    options: ImportOptions,
    localPath: string | undefined,
    retry = false,
  ): Promise<ImportOutcome> {
    const serverId = options.serverId ?? 'default';
    const text = typeof content === 'string' ? content : content.toString('utf8');
    const hash = contentHash(content);
    const events: PendingEvent[] = [];
    let outcome: ImportOutcome;
    try {
      outcome = await withTransientRetry(name, () => this.db.transaction(
        async (sql) => {
          events.length = 0;
          return this.applyFile(sql, { name, text, hash, parsed, serverId, source: options.source, localPath, retry }, events);
        },
        // Every import, in any process, holds this lock until it commits: one file at a time.
        // Asynchronous commit: a crash can lose the last fraction of a second of imports (never
        // half of one); the files are still where they came from, and any later synchronous
        // commit (e.g. a collector recording what it fetched) flushes these first.
        {
          prelude:
            this.db.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY}); SET LOCAL synchronous_commit = off` : undefined,
        },
      ), this.retry);
    } catch (err) {
      // Rolled back: nothing of this file was stored.
      throw new ImportFailedError(name, err);
    }
    for (const e of events) await this.events?.emit(e.event, e.payload as never);
    return outcome;
  }

  private async applyFile(sql: Sql, f: FileInput, events: PendingEvent[]): Promise<ImportOutcome> {
    const now = new Date().toISOString();
    const warnings = f.parsed.ok ? f.parsed.round.warnings : [];
    // The row of this name, and the row holding this content (one round trip).
    const found = await sql.all(
      `SELECT id, server_id, name, content_hash, status, reason, warnings, duplicate_of_id FROM stats_files
       WHERE (server_id = ? AND name = ?) OR (content_hash = ? AND status = 'imported')`,
      [f.serverId, f.name, f.hash],
    );
    const existing = found.find((r) => r.server_id === f.serverId && r.name === f.name);
    const holder = found.find((r) => r.content_hash === f.hash && r.status === 'imported');
    if (existing && existing.content_hash === f.hash && (existing.status !== 'rejected' || (!f.retry && !f.parsed.ok))) {
      return this.unchanged(sql, f.name, num(existing.id), existing);
    }

    const changes = new ChangeSet();
    const previousHash = existing && existing.status === 'imported' ? String(existing.content_hash) : null;
    if (previousHash) await removeRoundOfFile(sql, num(existing!.id), changes);

    let outcome: ImportOutcome;
    let fileId: number;
    if (!f.parsed.ok) {
      fileId = await this.saveFile(sql, existing, f, { status: 'rejected', reason: f.parsed.reason, warnings: [], duplicateOfId: null, content: f.text }, now);
      outcome = { status: 'rejected', file: f.name, reason: f.parsed.reason, warnings: [], rederivedRoundIds: [] };
      events.push({ event: 'file.rejected', payload: { file: f.name, reason: f.parsed.reason, source: f.source } });
    } else {
      if (holder && String(holder.name) <= f.name) {
        fileId = await this.saveFile(sql, existing, f, { status: 'duplicate', reason: null, warnings, duplicateOfId: num(holder.id), content: f.text }, now);
        const round = await sql.one(`SELECT id FROM rounds WHERE file_id = ?`, [num(holder.id)]);
        outcome = { status: 'duplicate', file: f.name, duplicateOf: String(holder.name), warnings, roundId: round ? num(round.id) : undefined, rederivedRoundIds: [] };
        events.push({ event: 'file.duplicate', payload: { file: f.name, duplicateOf: String(holder.name), source: f.source } });
      } else {
        if (holder) {
          // An earlier-named copy takes over from a later-named one that arrived first.
          await removeRoundOfFile(sql, num(holder.id), changes);
          await sql.run(`UPDATE stats_files SET status = 'duplicate', content = ? WHERE id = ?`, [f.text, num(holder.id)]);
        }
        const imported = { status: 'imported', reason: null, warnings, duplicateOfId: null, content: null };
        let roundId: number;
        if (!existing && !holder && sql.kind === 'postgres') {
          // A new file: its row goes in with its round, in the same round trip.
          roundId = await insertRound(sql, { insert: newFileInsert(f, imported, now) }, f.serverId, f.parsed.round, this.settings, changes);
        } else {
          fileId = await this.saveFile(sql, existing, f, imported, now);
          if (holder) {
            await sql.run(`UPDATE stats_files SET status = 'duplicate', duplicate_of_id = ?, content = ?, updated_at = ? WHERE id = ?`, [fileId, f.text, now, num(holder.id)]);
            await sql.run(`UPDATE stats_files SET duplicate_of_id = ? WHERE duplicate_of_id = ?`, [fileId, num(holder.id)]);
            events.push({ event: 'file.duplicate', payload: { file: String(holder.name), duplicateOf: f.name, source: f.source } });
          }
          roundId = await insertRound(sql, fileId, f.serverId, f.parsed.round, this.settings, changes);
        }
        outcome = { status: existing ? 'replaced' : 'imported', file: f.name, warnings, roundId, rederivedRoundIds: [] };
        events.push({ event: 'round.imported', payload: roundEvent(f, roundId) });
      }
    }
    if (previousHash) await this.promoteDuplicate(sql, previousHash, changes, events);

    await this.rederive(sql, changes);
    outcome.rederivedRoundIds = [...changes.rederivedRoundIds].filter((id) => id !== outcome.roundId).sort((a, b) => a - b);
    for (const e of events) if (e.event === 'round.imported') e.payload.rederivedRoundIds = outcome.rederivedRoundIds;
    return outcome;
  }

  /** The file that held `hash` changed: the earliest-named duplicate of it becomes the imported copy. */
  private async promoteDuplicate(sql: Sql, hash: string, changes: ChangeSet, events: PendingEvent[]): Promise<void> {
    const next = await sql.one(`SELECT id, name, server_id, source, content FROM stats_files WHERE content_hash = ? AND status = 'duplicate' ORDER BY ${sql.bytewise('name')} LIMIT 1`, [hash]);
    if (!next || next.content === null) return;
    const parsed = parseStatsFile(String(next.name), String(next.content));
    if (!parsed.ok) return;
    const id = num(next.id);
    await sql.run(`UPDATE stats_files SET status = 'imported', duplicate_of_id = NULL, content = NULL WHERE id = ?`, [id]);
    await sql.run(`UPDATE stats_files SET duplicate_of_id = ? WHERE content_hash = ? AND status = 'duplicate'`, [id, hash]);
    const roundId = await insertRound(sql, id, String(next.server_id), parsed.round, this.settings, changes);
    const f = { name: String(next.name), serverId: String(next.server_id), parsed };
    events.push({ event: 'round.imported', payload: roundEvent(f, roundId) });
  }

  /** Pairing, R2 values, matches, sessions, teams and names around everything this file touched. */
  private async rederive(sql: Sql, changes: ChangeSet): Promise<void> {
    const seen = new Set<string>();
    for (const p of changes.pairingPoints) {
      const key = `${p.serverId}\u0000${p.map}\u0000${p.endedAtMs}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await reconcilePairing(sql, p.serverId, p.map, p.endedAtMs, this.settings.pairingWindowMinutes, changes);
    }
    seen.clear();
    for (const p of changes.sessionPoints) {
      const key = `${p.serverId}\u0000${p.endedAtMs}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await regroupSessions(sql, p.serverId, p.endedAtMs, this.settings.sessionGapMinutes, changes);
    }
    for (const id of changes.sessionIds) await refreshSession(sql, id, changes.shrunkSessionIds.has(id));
    if (changes.guidsToRename.size > 0) await renamePlayers(sql, [...changes.guidsToRename]);
    if (changes.guidsToRealias.size > 0) await rebuildAliases(sql, [...changes.guidsToRealias]);
  }

  private async saveFile(
    sql: Sql,
    existing: Record<string, unknown> | undefined,
    f: FileInput,
    v: { status: string; reason: string | null; warnings: ParseWarning[]; duplicateOfId: number | null; content: string | null },
    now: string,
  ): Promise<number> {
    const warnings = JSON.stringify(v.warnings);
    if (existing) {
      await sql.run(
        `UPDATE stats_files SET content_hash = ?, status = ?, reason = ?, warnings = ?, duplicate_of_id = ?, content = ?, path = ?, source = ?, size = ?, updated_at = ? WHERE id = ?`,
        [f.hash, v.status, v.reason, warnings, v.duplicateOfId, v.content, f.localPath ?? null, f.source, Buffer.byteLength(f.text), now, num(existing.id)],
      );
      return num(existing.id);
    }
    return sql.insertReturningId('stats_files', newFileValues(f, v, now));
  }

  private async unchanged(sql: Sql, name: string, fileId: number, row: Record<string, unknown>): Promise<ImportOutcome> {
    const round = await sql.one(`SELECT id FROM rounds WHERE file_id = ?`, [fileId]);
    const outcome: ImportOutcome = { status: 'unchanged', file: name, warnings: JSON.parse(String(row.warnings)) as ParseWarning[], rederivedRoundIds: [] };
    if (row.reason !== null) outcome.reason = String(row.reason);
    if (round) outcome.roundId = num(round.id);
    return outcome;
  }
}

/** The database failed while storing a file; the transaction was rolled back. */
export class ImportFailedError extends Error {
  override readonly name = 'ImportFailedError';
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`import of ${file} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

interface FileInput {
  name: string;
  text: string;
  hash: string;
  parsed: ParseResult;
  serverId: string;
  source: string;
  localPath: string | undefined;
  retry: boolean;
}

type FileRowValues = { status: string; reason: string | null; warnings: ParseWarning[]; duplicateOfId: number | null; content: string | null };

function newFileValues(f: FileInput, v: FileRowValues, now: string): Record<string, SqlValue> {
  return {
    server_id: f.serverId,
    name: f.name,
    content_hash: f.hash,
    status: v.status,
    reason: v.reason,
    warnings: JSON.stringify(v.warnings),
    duplicate_of_id: v.duplicateOfId,
    content: v.content,
    path: f.localPath ?? null,
    source: f.source,
    size: Buffer.byteLength(f.text),
    first_seen_at: now,
    updated_at: now,
  };
}

/** The INSERT of a new file's row (no RETURNING), for a WITH item. */
function newFileInsert(f: FileInput, v: FileRowValues, now: string): { sql: string; params: SqlValue[] } {
  const values = newFileValues(f, v, now);
  const cols = Object.keys(values);
  return { sql: `INSERT INTO stats_files (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, params: cols.map((c) => values[c] ?? null) };
}

function roundEvent(f: { name: string; serverId: string; parsed: ParseResult }, roundId: number): EventMap['round.imported'] {
  const r = (f.parsed as Extract<ParseResult, { ok: true }>).round;
  return { roundId, file: f.name, serverId: f.serverId, map: r.file.map, round: r.header.round, endedAt: r.file.endedAtLocal, rederivedRoundIds: [] };
}
