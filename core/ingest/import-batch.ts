import type { Row } from '../data/sql';
import { contentHash, type ParseResult } from '../parsing';
import type { EventMap, EventName } from '../plugin-api/events';
import type { ImportOptions, ImportOutcome } from './importer';
import { ChangeSet } from './store/change-set';
import { PendingRows } from './store/pending-rows';
import { replaceNulBytes } from './nul-bytes';

/** One file handed to Importer.importMany. */
export interface ImportItem {
  /** The file name (its base name). */
  name: string;
  content?: Buffer | string;
  /** Where it was read from (kept so a rejected file can be retried from there). */
  localPath?: string;
  /** The file could not be read: it is recorded as rejected with this reason. */
  readError?: string;
  /** The file was not read (too big, a link...): rejected with this reason, keeping its first bytes. */
  unread?: UnreadFile;
}

/** A file rejected before reading it: why, its first bytes (to keep) and its size. */
export interface UnreadFile {
  reason: string;
  preview: Buffer;
  size: number;
}

export interface BatchOptions {
  /** Files per transaction at most (default 200 on SQLite, 500 on PostgreSQL). */
  maxFiles?: number;
  /**
   * A batch takes no new file after this long: default 250 ms on SQLite (whose readers wait for
   * a write transaction), 3 s on PostgreSQL (readers never wait for it; only another import
   * waits, for the import lock).
   */
  maxMs?: number;
  /** Each file's outcome, once its batch has committed. */
  onOutcome?: (outcome: ImportOutcome, done: number, total: number) => void;
}

// PostgreSQL: 500 files / 3 s per transaction import 10,000 files at 440-520 files/s where
// 200 / 1 s gave 300-400 (fewer batch set-ups and re-derivations); see BENCHMARKS.md.
export const DEFAULT_BATCH = { maxFiles: { sqlite: 200, postgres: 500 }, maxMs: { sqlite: 250, postgres: 3000 } } as const;

/** A file ready for the importer: parsed, hashed, with where it came from. */
export interface FileInput {
  name: string;
  text: string;
  hash: string;
  /** Size of the file in bytes (`text` is only its first bytes when it was not read whole). */
  size: number;
  parsed: ParseResult;
  serverId: string;
  source: string;
  localPath: string | undefined;
  retry: boolean;
}

export function fileInput(
  name: string,
  content: Buffer | string,
  parsed: ParseResult,
  options: ImportOptions,
  localPath: string | undefined,
  retry = false,
  hash = contentHash(content),
): FileInput {
  return {
    name,
    text: typeof content === 'string' ? content : content.toString('utf8'),
    hash,
    size: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
    parsed,
    serverId: options.serverId ?? 'default',
    source: options.source,
    localPath,
    retry,
  };
}

/** A file rejected unread: its hash covers the size and first bytes, so the same file re-delivered is unchanged. */
export function unreadFileInput(name: string, unread: UnreadFile, options: ImportOptions, localPath: string | undefined, retry = false): FileInput {
  const preview = replaceNulBytes(unread.preview);
  const hash = contentHash(Buffer.concat([Buffer.from(`unread ${unread.size}\n`), typeof preview === 'string' ? Buffer.from(preview) : preview]));
  return { ...fileInput(name, preview, { ok: false, fileName: name, reason: unread.reason }, options, localPath, retry, hash), size: unread.size };
}

export type PendingEvent = { [E in EventName]: { event: E; payload: EventMap[E] } }[EventName];

/** The stats_files columns the importer decides with. */
export const FILE_ROW_COLUMNS = 'id, server_id, name, content_hash, status, reason, warnings, duplicate_of_id';

/** What one batch transaction of Importer.importMany carries from file to file. */
export class ImportBatch {
  readonly changes = new ChangeSet();
  readonly pending = new PendingRows();
  readonly results: { outcome: ImportOutcome; events: PendingEvent[] }[] = [];
  private readonly names = new Set<string>();
  private readonly hashes = new Set<string>();

  /** `prefetched`: the stored rows matching the batch's names or contents, read when it began. */
  constructor(private prefetched: Row[] | null) {}

  /**
   * The stored rows of this file's name or content, as one query would find them now, or
   * undefined when the batch cannot tell without asking (it changed such rows itself).
   */
  knownRows(f: FileInput): Row[] | undefined {
    if (!this.prefetched || this.names.has(`${f.serverId}\u0000${f.name}`) || this.hashes.has(f.hash)) return undefined;
    return this.prefetched.filter((r) => (r.server_id === f.serverId && r.name === f.name) || (r.content_hash === f.hash && r.status === 'imported'));
  }

  /** `fresh`: a new name with new content; anything else may change rows read at the start. */
  noteFile(f: FileInput, fresh: boolean): void {
    this.names.add(`${f.serverId}\u0000${f.name}`);
    this.hashes.add(f.hash);
    if (!fresh) this.prefetched = null;
  }
}
