import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logging/logger';
import { errorMessage } from '../errors';
import { FailureTracker } from '../failure-tracker';
import { sameFile, type FetchedFileRecord, type FetchedFileStore } from '../fetched-file-store';
import { isWithinLookBack } from '../file-filter';
import { ListedNames } from '../listed-names';
import { pathInside } from '../../ingest/safe-names';
import { DEFAULT_MAX_FILE_BYTES, tooBigReason } from '../../ingest/file-limits';
import type { Collector, CollectorEmit, CollectorState, CollectorStatus, FileSink } from '../types';
import { backoffDelay } from './backoff';
import { loadCredentials, type CredentialSources } from './credentials';
import { HostKeyPolicy } from './host-key-policy';
import { SftpSession, type RemoteFile } from './sftp-session';

export interface SftpCollectorOptions extends CredentialSources {
  name: string;
  serverId: string;
  host: string;
  port: number;
  remotePath: string;
  knownHostsPath?: string;
  hostKeyFingerprint?: string;
  trustOnFirstUse: boolean;
  pollSeconds: number;
  lookBackDays?: number;
  /** Local folder the files are downloaded to before import. */
  stagingDir: string;
  /** A new or changed file is listed again this soon to see whether its size is stable. */
  confirmMs?: number;
  /** Cap of the reconnect backoff. */
  maxBackoffMs?: number;
  /** A listed file bigger than this is recorded as rejected and never downloaded (import.maxFileBytes). */
  maxFileBytes?: number;
  env?: NodeJS.ProcessEnv;
}

export interface SftpCollectorDeps {
  sink: FileSink;
  store: FetchedFileStore;
  emit: CollectorEmit;
  logger: Logger;
}

/**
 * Polls a game server's stats folder over SFTP, keeping one connection open. A file is downloaded
 * once two listings show it with the same size and mtime, then handed to the importer and
 * remembered in the store, so a restart fetches nothing twice. Never writes to the server.
 */
export class SftpCollector implements Collector {
  readonly name: string;
  private readonly tracker: FailureTracker;
  private readonly log: Logger;
  private readonly names: ListedNames;
  private known = new Map<string, FetchedFileRecord>();
  /** Candidates seen by the previous listing: a file is taken when the next listing agrees. */
  private previousListing = new Map<string, RemoteFile>();
  private session: SftpSession | null = null;
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<void> | null = null;
  private state: CollectorState = 'stopped';
  private lookBackCutoff: Date | null = null;
  private filesFetched = 0;
  private stopSignal = new AbortController();
  private queueDepth = 0;

  constructor(
    private readonly options: SftpCollectorOptions,
    private readonly deps: SftpCollectorDeps,
  ) {
    this.name = options.name;
    this.tracker = new FailureTracker(options.name, deps.emit);
    this.log = deps.logger.child({ collector: options.name });
    this.names = new ListedNames(this.log);
  }

  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'starting';
    this.stopSignal = new AbortController();
    try {
      this.known = await this.deps.store.list(this.name);
      await mkdir(this.options.stagingDir, { recursive: true });
    } catch (err) {
      this.tracker.failure(`cannot start: ${errorMessage(err)}`);
      this.state = 'stopped';
      throw err;
    }
    if (this.state !== 'starting') return; // stopped meanwhile
    // Look-back applies to the very first start only: later starts know what was skipped.
    this.lookBackCutoff = this.known.size === 0 && this.options.lookBackDays !== undefined ? new Date() : null;
    this.state = 'running';
    this.log.info({ host: this.options.host, port: this.options.port, remotePath: this.options.remotePath }, 'sftp collector started');
    this.schedule(0);
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopSignal.abort();
    await this.cycle;
    this.session?.close();
    this.session = null;
    this.previousListing.clear();
    this.state = 'stopped';
  }

  status(): CollectorStatus {
    return {
      name: this.name,
      type: 'sftp',
      serverId: this.options.serverId,
      target: `${this.options.username}@${this.options.host}:${this.options.port}${this.options.remotePath}`,
      state: this.state !== 'running' ? this.state : this.tracker.consecutiveFailures > 0 ? 'failing' : 'running',
      lastSuccessAt: this.tracker.lastSuccessAt,
      lastError: this.tracker.lastError,
      consecutiveFailures: this.tracker.consecutiveFailures,
      filesFetched: this.filesFetched,
      queueDepth: this.queueDepth,
    };
  }

  private schedule(ms: number): void {
    if (this.state !== 'running') return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycle = this.poll().finally(() => (this.cycle = null));
    }, ms);
  }

  private async poll(): Promise<void> {
    const pollMs = this.options.pollSeconds * 1000;
    let next = pollMs;
    try {
      const unsettled = await this.pollOnce();
      this.tracker.success();
      if (unsettled) next = Math.min(pollMs, this.options.confirmMs ?? 1000);
    } catch (err) {
      if (this.state !== 'running') return; // stopping: not a failure
      const msg = errorMessage(err);
      this.tracker.failure(msg);
      next = backoffDelay(this.tracker.consecutiveFailures, pollMs, this.options.maxBackoffMs ?? 300_000);
      this.log.warn({ err: msg, consecutiveFailures: this.tracker.consecutiveFailures, retryInMs: next }, 'sftp poll failed');
      this.session?.close();
      this.session = null;
    }
    this.schedule(next);
  }

  /** One listing and the downloads it allows. Returns whether some file is still settling. */
  private async pollOnce(): Promise<boolean> {
    const session = await this.connected();
    const listing = (await session.list(this.options.remotePath)).filter((f) => f.isFile && this.names.collectable(f.name));
    const candidates = listing.filter((f) => this.isNew(f) && this.inLookBack(f));
    const stable = candidates.filter((f) => sameFile(this.previousListing.get(f.name), f));
    this.previousListing = new Map(candidates.map((f) => [f.name, f]));
    await this.skipOutsideLookBack(listing);
    let unsettled = candidates.length > stable.length;
    this.queueDepth = stable.length;
    try {
      for (const file of stable.sort((a, b) => a.name.localeCompare(b.name))) {
        if (this.state !== 'running') break;
        if ((await this.fetch(session, file)) === 'changed') unsettled = true;
        this.queueDepth -= 1;
      }
    } finally {
      this.queueDepth = 0;
    }
    return unsettled;
  }

  /** Downloads, imports and records one settled file (a too big one is recorded as rejected, unread). */
  private async fetch(session: SftpSession, file: RemoteFile): Promise<'done' | 'changed' | 'failed'> {
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const opts = { source: this.name, serverId: this.options.serverId };
    let outcome: { status: string };
    if (file.size > maxBytes) {
      outcome = await this.deps.sink.recordRejected(file.name, tooBigReason(file.size, maxBytes), { ...opts, size: file.size });
    } else {
      const remote = path.posix.join(this.options.remotePath, file.name);
      let downloaded: { bytes: number; after: RemoteFile; local: string };
      try {
        const local = pathInside(this.options.stagingDir, file.name);
        const bytes = await session.download(remote, local, maxBytes);
        downloaded = { bytes, after: await session.stat(remote), local };
      } catch (err) {
        if (!session.alive) throw err; // the connection is gone: the poll fails and is retried
        // This file alone could not be fetched: the others still are; it is tried again next poll.
        this.log.warn({ file: JSON.stringify(file.name), err: errorMessage(err) }, 'cannot fetch this file; going on with the others');
        return 'failed';
      }
      if (downloaded.bytes !== file.size || !sameFile(downloaded.after, file)) {
        this.log.info({ file: file.name }, 'file changed while downloading; waiting for it to settle');
        this.previousListing.set(file.name, downloaded.after);
        return 'changed';
      }
      outcome = await this.deps.sink.importFile(downloaded.local, opts);
    }
    const record = { name: file.name, size: file.size, mtimeMs: file.mtimeMs };
    await this.deps.store.record(this.name, record);
    this.known.set(file.name, record);
    this.previousListing.delete(file.name);
    this.filesFetched += 1;
    this.log.info({ file: file.name, status: outcome.status }, 'file handed to importer');
    return 'done';
  }

  private isNew(file: RemoteFile): boolean {
    const known = this.known.get(file.name);
    return !known?.skipped && !sameFile(known, file);
  }

  private inLookBack(file: RemoteFile): boolean {
    if (!this.lookBackCutoff || this.options.lookBackDays === undefined) return true;
    return isWithinLookBack(file.name, this.options.lookBackDays, this.lookBackCutoff);
  }

  /** On the first start, files older than the look-back window are recorded as skipped, once. */
  private async skipOutsideLookBack(listing: RemoteFile[]): Promise<void> {
    if (!this.lookBackCutoff) return;
    for (const f of listing) {
      if (this.known.has(f.name) || this.inLookBack(f)) continue;
      const record = { name: f.name, size: f.size, mtimeMs: f.mtimeMs, skipped: true };
      await this.deps.store.record(this.name, record);
      this.known.set(f.name, record);
    }
  }

  private async connected(): Promise<SftpSession> {
    if (this.session?.alive) return this.session;
    this.session?.close();
    this.session = null;
    const o = this.options;
    const policy = new HostKeyPolicy({
      host: o.host,
      port: o.port,
      knownHostsPath: o.knownHostsPath,
      hostKeyFingerprint: o.hostKeyFingerprint,
      trustOnFirstUse: o.trustOnFirstUse,
      onRecorded: (key, file) => this.log.warn({ host: o.host, port: o.port, key, file }, 'unknown host key trusted on first use and recorded'),
    });
    const credentials = await loadCredentials(o, o.env);
    this.session = await SftpSession.connect({ host: o.host, port: o.port, credentials, policy, signal: this.stopSignal.signal });
    this.log.info({ host: o.host, port: o.port }, 'connected');
    return this.session;
  }
}
