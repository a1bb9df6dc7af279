import path from 'node:path';
import type { Database } from '../data/database';
import { Sql, num, type Row, type SqlValue } from '../data/sql';
import type { EventMap, EventName } from '../plugin-api/events';
import { contentHash, parseStatsFile, type ParseResult, type ParseWarning } from '../parsing';
import { ChangeSet } from './store/change-set';
import { RoundsWindow } from './store/rounds-window';
import { localToUtcMs } from './derive/local-time';
import { insertRound, removeRoundOfFile, type RoundSettings } from './store/rounds-store';
import { reconcilePairing } from './store/pairing-store';
import { refreshSession, regroupSessions } from './store/sessions-store';
import type { BotRule } from '../queries/bots';
import { rebuildAliases, renamePlayers } from './store/players-store';
import { importPaths, type ImportPathsOptions, type ImportSummary } from './import-paths';
import { isTransientDatabaseError, withTransientRetry, type RetryOptions } from './retry';
import {
  DEFAULT_BATCH,
  FILE_ROW_COLUMNS,
  ImportBatch,
  fileInput,
  unreadFileInput,
  type BatchOptions,
  type FileInput,
  type ImportItem,
  type PendingEvent,
} from './import-batch';
import { replaceNulBytes } from './nul-bytes';
import { DEFAULT_MAX_FILE_BYTES, REJECTED_CONTENT_BYTES, formatBytes, tooBigReason } from './file-limits';
import { readStatsFile } from './read-stats-file';
import { CRASHED_REASON, ImportMarker } from './import-marker';
import { decodeWarnings, encodeWarnings } from './warnings-record';

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
  /** Skipped lines: the first few (MAX_KEPT_WARNINGS); `warningCount` counts them all. */
  warnings: ParseWarning[];
  warningCount: number;
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

export interface ImporterSettings extends RoundSettings {
  /** A file bigger than this is rejected without being read (import.maxFileBytes; default 4 MiB). */
  maxFileBytes?: number;
  /** Folder for the "import in progress" markers (`<dataDir>/importing`); none when unset. */
  markerDir?: string;
  /** Bots left out of persistent-team detection (players.*); default: bots left out. */
  bots?: BotRule;
}

export const DEFAULT_IMPORT_SETTINGS: ImporterSettings = { timezone: 'UTC', pairingWindowMinutes: 45, sessionGapMinutes: 60 };

/** Arbitrary constant: the PostgreSQL advisory lock every import transaction takes. */
export const IMPORT_LOCK_KEY = 73_461_201;

/**
 * Imports round stats files exactly once (spec §8, §9): one transaction per file, duplicates by
 * content whatever the name or line endings (the earliest file name holds the import), same name
 * with new content replaces, rejected files recorded with their reason. Derived data (pairing,
 * R2 values, orphans, matches, sessions, teams, names) is brought up to date in the same
 * transaction, so the stored result depends only on the set of files, not their order.
 */
export class Importer {
  private readonly marker: ImportMarker;
  /** `server \0 name \0 hash` of the files a crash was recorded for: never parsed again unasked. */
  private crashed: Promise<Set<string>> | null = null;

  constructor(
    private readonly db: Database,
    private readonly settings: ImporterSettings = DEFAULT_IMPORT_SETTINGS,
    private readonly events?: ImportEventSink,
    /** Transient database failures (connection lost, server restarting, SQLite locked) are retried. */
    private readonly retry: RetryOptions = {},
  ) {
    this.marker = new ImportMarker(settings.markerDir);
  }

  /** The bot rule persistent-team detection follows. */
  get bots(): BotRule | undefined {
    return this.settings.bots;
  }

  get maxFileBytes(): number {
    return this.settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Reads and imports one file; the name used is the file's base name. Links and too big files are rejected unread. */
  async importFile(filePath: string, options: ImportOptions): Promise<ImportOutcome> {
    const name = path.basename(filePath);
    const read = await readStatsFile(filePath, this.maxFileBytes);
    if (!read.ok) return this.importInput(unreadFileInput(name, read, options, path.resolve(filePath)));
    return this.importContent(name, read.content, options, path.resolve(filePath));
  }

  async importContent(name: string, raw: Buffer | string, options: ImportOptions, localPath?: string): Promise<ImportOutcome> {
    const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
    if (size > this.maxFileBytes) {
      const preview = (typeof raw === 'string' ? Buffer.from(raw) : raw).subarray(0, REJECTED_CONTENT_BYTES);
      return this.importInput(unreadFileInput(name, { reason: tooBigReason(size, this.maxFileBytes), preview, size }, options, localPath));
    }
    const content = replaceNulBytes(raw);
    const hash = contentHash(content);
    const serverId = options.serverId ?? 'default';
    const marker = this.marker.begin({ name, serverId, source: options.source, hash, size, path: localPath });
    try {
      const parsed = (await this.crashedFiles()).has(crashKey(serverId, name, hash)) ? crashedResult(name) : parseStatsFile(name, content);
      return await this.importInput(fileInput(name, content, parsed, options, localPath, false, hash));
    } finally {
      this.marker.end(marker);
    }
  }

  /** Records a file that was not read (a collector found it too big) as rejected, with its size. */
  recordRejected(name: string, reason: string, options: ImportOptions & { size: number; localPath?: string }): Promise<ImportOutcome> {
    return this.importInput(unreadFileInput(name, { reason, preview: Buffer.alloc(0), size: options.size }, options, options.localPath));
  }

  /**
   * Markers left by a process that died while importing name the file that killed it: each such
   * file is recorded as rejected (CRASHED_REASON) and skipped from then on while its content is
   * the same (`--retry-rejected` and `!reimport` still try it on request). Run once at start.
   */
  async recordInterruptedImports(): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const m of this.marker.takeLeftovers()) {
      const first = m.path ? await readStatsFile(m.path, REJECTED_CONTENT_BYTES) : null;
      const preview = !first ? Buffer.alloc(0) : first.ok ? first.content : first.preview;
      const input = unreadFileInput(m.name, { reason: CRASHED_REASON, preview, size: m.size }, { source: m.source, serverId: m.serverId }, m.path);
      outcomes.push(await this.importInput({ ...input, hash: m.hash }));
    }
    if (outcomes.length > 0) this.crashed = null;
    return outcomes;
  }

  private crashedFiles(): Promise<Set<string>> {
    this.crashed ??= this.db
      .read((sql) => sql.all(`SELECT server_id, name, content_hash FROM stats_files WHERE status = 'rejected' AND reason = ?`, [CRASHED_REASON]))
      .then((rows) => new Set(rows.map((r) => crashKey(String(r.server_id), String(r.name), String(r.content_hash)))))
      .catch((err: unknown) => {
        this.crashed = null;
        throw err;
      });
    return this.crashed;
  }

  /** Imports files and folders (only the files that count, §9), in name order; a summary. */
  importPaths(paths: readonly string[], options: ImportPathsOptions): Promise<ImportSummary> {
    return importPaths(this, paths, options);
  }

  /** Tries every rejected file again: from its path when it still exists there, else from the stored content. */
  async retryRejected(): Promise<ImportOutcome[]> {
    const rejected = await this.db.read((sql) =>
      sql.all(`SELECT name, server_id, source, path, content, size FROM stats_files WHERE status = 'rejected' ORDER BY ${sql.bytewise('name')}`),
    );
    const outcomes: ImportOutcome[] = [];
    for (const r of rejected) {
      const name = String(r.name);
      const options = { source: String(r.source), serverId: String(r.server_id) };
      const localPath = r.path === null ? undefined : String(r.path);
      const read = localPath ? await readStatsFile(localPath, this.maxFileBytes) : null;
      if (read?.ok) {
        const content = replaceNulBytes(read.content);
        outcomes.push(await this.importParsed(name, content, parseStatsFile(name, content), options, localPath, true));
      } else if (read && !read.missing) {
        outcomes.push(await this.importInput(unreadFileInput(name, read, options, localPath, true)));
      } else if (num(r.size) <= REJECTED_CONTENT_BYTES) {
        const content = r.content === null ? '' : String(r.content);
        outcomes.push(await this.importParsed(name, content, parseStatsFile(name, content), options, localPath, true));
      } else {
        // Only the first bytes were kept: retrying them could import a cut-off file.
        const reason = `only the first ${formatBytes(REJECTED_CONTENT_BYTES)} of this ${formatBytes(num(r.size))} file were kept and it is no longer at ${localPath ?? 'its path'}`;
        outcomes.push({ status: 'rejected', file: name, reason, warnings: [], warningCount: 0, rederivedRoundIds: [] });
      }
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
    return this.importInput(fileInput(name, content, parsed, options, localPath, retry));
  }

  /** One file, one transaction. */
  private async importInput(f: FileInput): Promise<ImportOutcome> {
    const events: PendingEvent[] = [];
    let outcome: ImportOutcome;
    try {
      outcome = await withTransientRetry(
        f.name,
        () =>
          this.db.transaction(
            async (sql) => {
              events.length = 0;
              return this.applyFile(sql, f, events);
            },
            { prelude: this.importPrelude() },
          ),
        this.retry,
      );
    } catch (err) {
      // Rolled back: nothing of this file was stored.
      throw new ImportFailedError(f.name, err);
    }
    for (const e of events) await this.events?.emit(e.event, e.payload as never);
    return outcome;
  }

  /**
   * Imports many files (a folder, a backfill) with the same result as importing them one by one,
   * several files to a transaction: their player, weapon and name rows are written together and
   * pairing, sessions and teams are brought up to date once per batch. A batch closes after
   * `maxFiles` files or `maxMs` of work (other readers of an SQLite database wait for it). If
   * anything in a batch fails, the batch is rolled back and its files are imported one at a
   * time, so a failure is reported for its own file and every other file still lands. Outcomes
   * (and events) come after each batch commits, in the order of `files`.
   */
  async importMany(files: readonly ImportItem[], options: ImportOptions & BatchOptions = { source: 'import' }): Promise<ImportOutcome[]> {
    const maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_BATCH.maxFiles[this.db.kind]);
    const maxMs = options.maxMs ?? DEFAULT_BATCH.maxMs[this.db.kind];
    const inputs = await this.parseAll(files, options);
    const outcomes: ImportOutcome[] = [];
    const done = (o: ImportOutcome): void => {
      outcomes.push(o);
      options.onOutcome?.(o, outcomes.length, inputs.length);
    };
    for (let next = 0; next < inputs.length;) {
      const start = next;
      let attempted = 0;
      let batch: ImportBatch;
      try {
        batch = await withTransientRetry(
          `${inputs[start]!.name} and the files after it`,
          () =>
            this.db.transaction(
              async (sql) => {
                attempted = 0;
                const ahead = inputs.slice(start, start + maxFiles);
                const run = new ImportBatch(await this.prefetchFiles(sql, ahead));
                run.pending.window = await RoundsWindow.load(
                  sql,
                  ahead[0]!.serverId,
                  ahead.flatMap((f) => (f.parsed.ok ? [localToUtcMs(f.parsed.round.file.endedAtLocal, this.settings.timezone)] : [])),
                  this.settings.pairingWindowMinutes,
                );
                await run.pending.reserveIds(sql, ahead.length);
                const began = Date.now();
                while (start + attempted < inputs.length && attempted < maxFiles && (attempted === 0 || Date.now() - began < maxMs)) {
                  const f = inputs[start + attempted]!;
                  attempted++;
                  const events: PendingEvent[] = [];
                  run.results.push({ outcome: await this.applyFile(sql, f, events, run), events });
                  run.pending.sendSome(sql);
                }
                await run.pending.flush(sql);
                await this.rederive(sql, run.changes, run.pending.window);
                return run;
              },
              { prelude: this.importPrelude() },
            ),
          this.retry,
        );
      } catch (err) {
        if (attempted === 0 || isTransientDatabaseError(err)) throw new ImportFailedError(inputs[start]!.name, err);
        // Find the file that fails: one at a time, the others still land.
        for (const f of inputs.slice(start, start + attempted)) done(await this.importInput(f));
        next = start + attempted;
        continue;
      }
      next = start + attempted;
      const inserted = new Set(batch.results.map((r) => r.outcome.roundId));
      const rederived = [...batch.changes.rederivedRoundIds].filter((id) => !inserted.has(id)).sort((a, b) => a - b);
      // Rounds updated because of the batch are told once, with its last imported round.
      const last = batch.results.findLast((r) => r.events.some((e) => e.event === 'round.imported'));
      if (last) {
        last.outcome.rederivedRoundIds = rederived;
        for (const e of last.events) if (e.event === 'round.imported') e.payload.rederivedRoundIds = rederived;
      }
      for (const r of batch.results) {
        for (const e of r.events) await this.events?.emit(e.event, e.payload as never);
        done(r.outcome);
      }
    }
    return outcomes;
  }

  /** The files of importMany, parsed; the in-progress marker names each file while it is parsed. */
  private async parseAll(files: readonly ImportItem[], options: ImportOptions): Promise<FileInput[]> {
    const crashed = await this.crashedFiles();
    const serverId = options.serverId ?? 'default';
    let marker: string | undefined;
    try {
      return files.map((item) => {
        if (item.unread) return unreadFileInput(item.name, item.unread, options, item.localPath);
        if (item.readError !== undefined) return fileInput(item.name, '', { ok: false, fileName: item.name, reason: item.readError }, options, item.localPath);
        const raw = item.content ?? '';
        const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
        if (size > this.maxFileBytes) {
          const preview = (typeof raw === 'string' ? Buffer.from(raw) : raw).subarray(0, REJECTED_CONTENT_BYTES);
          return unreadFileInput(item.name, { reason: tooBigReason(size, this.maxFileBytes), preview, size }, options, item.localPath);
        }
        const content = replaceNulBytes(raw);
        const hash = contentHash(content);
        if (crashed.has(crashKey(serverId, item.name, hash)))
          return fileInput(item.name, content, crashedResult(item.name), options, item.localPath, false, hash);
        marker = this.marker.begin({ name: item.name, serverId, source: options.source, hash, size, path: item.localPath }, marker);
        return fileInput(item.name, content, parseStatsFile(item.name, content), options, item.localPath, false, hash);
      });
    } finally {
      this.marker.end(marker);
    }
  }

  /** Every import, in any process, holds the import lock until it commits: one file or batch at a time. */
  private importPrelude(): string | undefined {
    // Synchronous commit: outcomes and events are reported right after the commit, and what is
    // reported as imported must survive a server crash (test/reliability/durable-import.test.ts).
    return this.db.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})` : undefined;
  }

  /** The stored rows a batch's files may meet (by name on their server, or by content), in one query. */
  private async prefetchFiles(sql: Sql, files: readonly FileInput[]): Promise<Row[]> {
    if (files.length === 0) return [];
    const names = [...new Set(files.map((f) => f.name))];
    const hashes = [...new Set(files.map((f) => f.hash))];
    const serverId = files[0]!.serverId;
    if (files.some((f) => f.serverId !== serverId)) throw new Error('a batch holds the files of one server');
    return sql.all(
      `SELECT ${FILE_ROW_COLUMNS} FROM stats_files
       WHERE (server_id = ? AND name IN ${Sql.list(names)}) OR (content_hash IN ${Sql.list(hashes)} AND status = 'imported')`,
      [serverId, ...names, ...hashes],
    );
  }

  private async applyFile(sql: Sql, f: FileInput, events: PendingEvent[], batch?: ImportBatch): Promise<ImportOutcome> {
    const now = new Date().toISOString();
    const warnings = f.parsed.ok ? f.parsed.round.warnings : [];
    const warningCount = f.parsed.ok ? f.parsed.round.warningCount : 0;
    // The row of this name, and the row holding this content (one round trip, or none in a batch).
    const known = batch?.knownRows(f);
    if (batch && !known) await batch.pending.flush(sql); // rows of this batch it may meet are still held back
    const found =
      known ??
      (await sql.all(`SELECT ${FILE_ROW_COLUMNS} FROM stats_files WHERE (server_id = ? AND name = ?) OR (content_hash = ? AND status = 'imported')`, [
        f.serverId,
        f.name,
        f.hash,
      ]));
    const existing = found.find((r) => r.server_id === f.serverId && r.name === f.name);
    const holder = found.find((r) => r.content_hash === f.hash && r.status === 'imported');
    if (existing && existing.content_hash === f.hash && (existing.status !== 'rejected' || (!f.retry && !f.parsed.ok))) {
      return this.unchanged(sql, f.name, num(existing.id), existing);
    }

    // A new file's rows can wait for the batch's; anything else reads or removes stored rows.
    const fresh = !existing && !holder;
    batch?.noteFile(f, fresh);
    if (batch && !fresh) {
      await batch.pending.flush(sql);
      batch.pending.window = null; // rounds may be removed: ask the database from now on
    }
    const pending = fresh ? batch?.pending : undefined;
    const changes = batch?.changes ?? new ChangeSet();
    const previousHash = existing && existing.status === 'imported' ? String(existing.content_hash) : null;
    if (previousHash) await removeRoundOfFile(sql, num(existing!.id), changes);

    let outcome: ImportOutcome;
    if (!f.parsed.ok) {
      const kept = keptOfRejected(f);
      await this.saveFile(
        sql,
        existing,
        f,
        { status: 'rejected', reason: kept.reason, warnings: [], warningCount: 0, duplicateOfId: null, content: kept.content },
        now,
      );
      outcome = { status: 'rejected', file: f.name, reason: kept.reason, warnings: [], warningCount: 0, rederivedRoundIds: [] };
      events.push({ event: 'file.rejected', payload: { file: f.name, reason: kept.reason, source: f.source } });
    } else {
      if (holder && String(holder.name) <= f.name) {
        await this.saveFile(
          sql,
          existing,
          f,
          { status: 'duplicate', reason: null, warnings, warningCount, duplicateOfId: num(holder.id), content: f.text },
          now,
        );
        const round = await sql.one(`SELECT id FROM rounds WHERE file_id = ?`, [num(holder.id)]);
        outcome = {
          status: 'duplicate',
          file: f.name,
          duplicateOf: String(holder.name),
          warnings,
          warningCount,
          roundId: round ? num(round.id) : undefined,
          rederivedRoundIds: [],
        };
        events.push({ event: 'file.duplicate', payload: { file: f.name, duplicateOf: String(holder.name), source: f.source } });
      } else {
        if (holder) {
          // An earlier-named copy takes over from a later-named one that arrived first.
          await removeRoundOfFile(sql, num(holder.id), changes);
          await sql.run(`UPDATE stats_files SET status = 'duplicate', content = ? WHERE id = ?`, [f.text, num(holder.id)]);
        }
        const imported = { status: 'imported', reason: null, warnings, warningCount, duplicateOfId: null, content: null };
        let roundId: number;
        if (!existing && !holder && sql.kind === 'postgres') {
          // A new file: its row goes in with its round, in the same round trip.
          roundId = await insertRound(sql, { values: newFileValues(f, imported, now) }, f.serverId, f.parsed.round, this.settings, changes, pending);
        } else {
          const fileId = await this.saveFile(sql, existing, f, imported, now);
          if (holder) {
            await sql.run(`UPDATE stats_files SET status = 'duplicate', duplicate_of_id = ?, content = ?, updated_at = ? WHERE id = ?`, [
              fileId,
              f.text,
              now,
              num(holder.id),
            ]);
            await sql.run(`UPDATE stats_files SET duplicate_of_id = ? WHERE duplicate_of_id = ?`, [fileId, num(holder.id)]);
            events.push({ event: 'file.duplicate', payload: { file: String(holder.name), duplicateOf: f.name, source: f.source } });
          }
          roundId = await insertRound(sql, fileId, f.serverId, f.parsed.round, this.settings, changes, pending);
        }
        outcome = { status: existing ? 'replaced' : 'imported', file: f.name, warnings, warningCount, roundId, rederivedRoundIds: [] };
        events.push({ event: 'round.imported', payload: roundEvent(f, roundId) });
      }
    }
    if (previousHash) await this.promoteDuplicate(sql, previousHash, changes, events);

    if (batch) return outcome; // re-derived once for the whole batch
    await this.rederive(sql, changes);
    outcome.rederivedRoundIds = [...changes.rederivedRoundIds].filter((id) => id !== outcome.roundId).sort((a, b) => a - b);
    for (const e of events) if (e.event === 'round.imported') e.payload.rederivedRoundIds = outcome.rederivedRoundIds;
    return outcome;
  }

  /** The file that held `hash` changed: the earliest-named duplicate of it becomes the imported copy. */
  private async promoteDuplicate(sql: Sql, hash: string, changes: ChangeSet, events: PendingEvent[]): Promise<void> {
    const next = await sql.one(
      `SELECT id, name, server_id, source, content FROM stats_files WHERE content_hash = ? AND status = 'duplicate' ORDER BY ${sql.bytewise('name')} LIMIT 1`,
      [hash],
    );
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

  /** Pairing, R2 values, matches, sessions, teams and names around everything this transaction touched. */
  private async rederive(sql: Sql, changes: ChangeSet, window: RoundsWindow | null = null): Promise<void> {
    // A point inside a component already reconciled belongs to that same component.
    const done = new Map<string, { fromMs: number; toMs: number }[]>();
    for (const p of [...changes.pairingPoints].sort((a, b) => a.endedAtMs - b.endedAtMs)) {
      const key = `${p.serverId}\u0000${p.map}`;
      const spans = done.get(key) ?? [];
      if (spans.some((s) => p.endedAtMs >= s.fromMs && p.endedAtMs <= s.toMs)) continue;
      const span = await reconcilePairing(sql, p.serverId, p.map, p.endedAtMs, this.settings.pairingWindowMinutes, changes, window);
      if (span) done.set(key, [...spans, span]);
    }
    // Sessions: one regrouping per stretch of changes closer together than two gaps, per server.
    const gapMs = this.settings.sessionGapMinutes * 60_000;
    const byServer = new Map<string, number[]>();
    for (const p of changes.sessionPoints) byServer.set(p.serverId, [...(byServer.get(p.serverId) ?? []), p.endedAtMs]);
    for (const [serverId, times] of byServer) {
      times.sort((a, b) => a - b);
      let extra = [...changes.sessionsLosingRounds].filter(([, server]) => server === serverId).map(([id]) => id);
      let from = times[0]!;
      let to = from;
      for (const t of [...times.slice(1), Number.POSITIVE_INFINITY]) {
        if (t - to <= 2 * gapMs) {
          to = t;
          continue;
        }
        await regroupSessions(sql, serverId, from, to, this.settings.sessionGapMinutes, changes, extra);
        extra = [];
        from = to = t;
      }
    }
    for (const id of changes.sessionIds) await refreshSession(sql, id, changes.shrunkSessionIds.has(id), this.settings.bots);
    if (changes.guidsToRename.size > 0) await renamePlayers(sql, [...changes.guidsToRename]);
    if (changes.guidsToRealias.size > 0) await rebuildAliases(sql, [...changes.guidsToRealias]);
  }

  private async saveFile(sql: Sql, existing: Record<string, unknown> | undefined, f: FileInput, v: FileRowValues, now: string): Promise<number> {
    const warnings = encodeWarnings(v.warnings, v.warningCount);
    if (existing) {
      await sql.run(
        `UPDATE stats_files SET content_hash = ?, status = ?, reason = ?, warnings = ?, duplicate_of_id = ?, content = ?, path = ?, source = ?, size = ?, updated_at = ? WHERE id = ?`,
        [f.hash, v.status, v.reason, warnings, v.duplicateOfId, v.content, f.localPath ?? null, f.source, f.size, now, num(existing.id)],
      );
      return num(existing.id);
    }
    return sql.insertReturningId('stats_files', newFileValues(f, v, now));
  }

  private async unchanged(sql: Sql, name: string, fileId: number, row: Record<string, unknown>): Promise<ImportOutcome> {
    const round = await sql.one(`SELECT id FROM rounds WHERE file_id = ?`, [fileId]);
    const outcome: ImportOutcome = { status: 'unchanged', file: name, ...decodeWarnings(String(row.warnings)), rederivedRoundIds: [] };
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

type FileRowValues = {
  status: string;
  reason: string | null;
  warnings: ParseWarning[];
  warningCount: number;
  duplicateOfId: number | null;
  content: string | null;
};

function crashKey(serverId: string, name: string, hash: string): string {
  return `${serverId}\u0000${name}\u0000${hash}`;
}

function crashedResult(name: string): ParseResult {
  return { ok: false, fileName: name, reason: CRASHED_REASON };
}

/** What is kept of a rejected file: its first REJECTED_CONTENT_BYTES, the reason saying so when it was cut. */
function keptOfRejected(f: FileInput): { content: string; reason: string } {
  const reason = (f.parsed as { reason: string }).reason;
  const bytes = Buffer.from(f.text, 'utf8');
  if (bytes.length <= REJECTED_CONTENT_BYTES) return { content: f.text, reason };
  return {
    content: bytes.subarray(0, REJECTED_CONTENT_BYTES).toString('utf8'),
    reason: `${reason} (the file is ${formatBytes(f.size)}; only its first ${formatBytes(REJECTED_CONTENT_BYTES)} are kept)`,
  };
}

function newFileValues(f: FileInput, v: FileRowValues, now: string): Record<string, SqlValue> {
  return {
    server_id: f.serverId,
    name: f.name,
    content_hash: f.hash,
    status: v.status,
    reason: v.reason,
    warnings: encodeWarnings(v.warnings, v.warningCount),
    duplicate_of_id: v.duplicateOfId,
    content: v.content,
    path: f.localPath ?? null,
    source: f.source,
    size: f.size,
    first_seen_at: now,
    updated_at: now,
  };
}

function roundEvent(f: { name: string; serverId: string; parsed: ParseResult }, roundId: number): EventMap['round.imported'] {
  const r = (f.parsed as Extract<ParseResult, { ok: true }>).round;
  return { roundId, file: f.name, serverId: f.serverId, map: r.file.map, round: r.header.round, endedAt: r.file.endedAtLocal, rederivedRoundIds: [] };
}
