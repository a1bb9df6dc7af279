import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../../logging/logger';
import { errorMessage as message } from '../errors';
import { FailureTracker } from '../failure-tracker';
import { sameFile, type FetchedFileRecord, type FetchedFileStore } from '../fetched-file-store';
import { ImportQueue } from '../import-queue';
import { ListedNames } from '../listed-names';
import { pathInside } from '../../ingest/safe-names';
import type { Collector, CollectorEmit, CollectorState, CollectorStatus, FileSink } from '../types';

export interface LocalCollectorOptions {
  name: string;
  serverId: string;
  path: string;
  /** A file is imported once its size and mtime have not changed for this long. */
  settleMs: number;
  /** Full rescan of the folder as a safety net for missed watch events. */
  rescanMs?: number;
  /** Poll the folder instead of OS events (network shares). */
  usePolling?: boolean;
}

export interface CollectorDeps {
  sink: FileSink;
  store: FetchedFileStore;
  emit: CollectorEmit;
  logger: Logger;
}

interface Pending {
  seen: FetchedFileRecord;
  timer: NodeJS.Timeout;
}

/** Watches a folder on this machine and imports round files once they have settled. */
export class LocalFolderCollector implements Collector {
  readonly name: string;
  private readonly dir: string;
  private readonly tracker: FailureTracker;
  private readonly queue = new ImportQueue();
  private readonly pending = new Map<string, Pending>();
  private known = new Map<string, FetchedFileRecord>();
  private watcher: FSWatcher | null = null;
  private rescanTimer: NodeJS.Timeout | null = null;
  /** Ends the wait for the watcher's first scan when stop() comes first. */
  private cancelReadyWait: (() => void) | null = null;
  private state: CollectorState = 'stopped';
  private filesFetched = 0;
  private readonly log: Logger;
  private readonly names: ListedNames;

  constructor(
    private readonly options: LocalCollectorOptions,
    private readonly deps: CollectorDeps,
  ) {
    this.name = options.name;
    this.dir = path.resolve(options.path);
    this.tracker = new FailureTracker(options.name, deps.emit);
    this.log = deps.logger.child({ collector: options.name });
    this.names = new ListedNames(this.log);
  }

  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'starting';
    this.queue.reopen();
    try {
      this.known = await this.deps.store.list(this.name);
      const dirStat = await stat(this.dir);
      if (!dirStat.isDirectory()) throw new Error(`${this.dir} is not a folder`);
      await this.startWatching();
      if (!this.isActive()) return; // stopped meanwhile
      await this.scan();
      if (!this.isActive()) return;
      this.rescanTimer = setInterval(() => void this.scan(), this.options.rescanMs ?? 60_000);
      this.rescanTimer.unref();
      this.state = 'running';
      this.log.info({ path: this.dir }, 'local collector started');
    } catch (err) {
      this.tracker.failure(`cannot watch ${this.dir}: ${message(err)}`);
      await this.stop();
      throw err;
    }
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    this.rescanTimer = null;
    this.cancelReadyWait?.();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await this.watcher?.close();
    this.watcher = null;
    await this.queue.drain();
    this.state = 'stopped';
  }

  status(): CollectorStatus {
    return {
      name: this.name,
      type: 'local',
      serverId: this.options.serverId,
      target: this.dir,
      state: this.state !== 'running' ? this.state : this.tracker.consecutiveFailures > 0 ? 'failing' : 'running',
      lastSuccessAt: this.tracker.lastSuccessAt,
      lastError: this.tracker.lastError,
      consecutiveFailures: this.tracker.consecutiveFailures,
      filesFetched: this.filesFetched,
      queueDepth: this.queue.depth + this.pending.size,
    };
  }

  private async startWatching(): Promise<void> {
    const watcher = watch(this.dir, {
      depth: 0,
      ignoreInitial: true,
      usePolling: this.options.usePolling ?? false,
      interval: 250,
    });
    this.watcher = watcher;
    const onFile = (filePath: string) => {
      if (path.dirname(filePath) === this.dir) this.observe(path.basename(filePath));
    };
    watcher.on('add', onFile).on('change', onFile);
    watcher.on('error', (err) => {
      this.tracker.failure(`watching ${this.dir}: ${message(err)}`);
      this.log.warn({ err: message(err) }, 'watch error');
    });
    await new Promise<void>((resolve) => {
      this.cancelReadyWait = resolve;
      watcher.once('ready', resolve);
    });
    this.cancelReadyWait = null;
  }

  private async scan(): Promise<void> {
    try {
      const entries = await readdir(this.dir, { withFileTypes: true });
      for (const e of entries) if (e.isFile()) this.observe(e.name);
    } catch (err) {
      this.tracker.failure(`listing ${this.dir}: ${message(err)}`);
    }
  }

  /** A file was seen (event or scan): (re)start its settle timer unless it is already handled. */
  private observe(name: string): void {
    if (!this.isActive() || !this.names.collectable(name)) return;
    void this.statFile(name).then((seen) => {
      if (!seen || !this.isActive()) return;
      const pending = this.pending.get(name);
      if (pending) {
        if (sameFile(pending.seen, seen)) return; // its timer is already running
        clearTimeout(pending.timer);
      } else if (sameFile(this.known.get(name), seen) || this.queue.has(name)) {
        return;
      }
      const timer = setTimeout(() => void this.settled(name), this.options.settleMs);
      this.pending.set(name, { seen, timer });
    });
  }

  private async settled(name: string): Promise<void> {
    const pending = this.pending.get(name);
    if (!pending) return;
    const now = await this.statFile(name);
    if (!this.isActive() || this.pending.get(name) !== pending) return;
    if (!now) {
      this.pending.delete(name);
      return;
    }
    if (!sameFile(pending.seen, now)) {
      pending.seen = now;
      pending.timer = setTimeout(() => void this.settled(name), this.options.settleMs);
      return;
    }
    this.pending.delete(name);
    this.queue.push(name, () => this.importOne(name, now));
  }

  private async importOne(name: string, settled: FetchedFileRecord): Promise<void> {
    const current = await this.statFile(name);
    if (!current) return;
    if (!sameFile(settled, current)) {
      this.observe(name); // changed again while queued: let it settle anew
      return;
    }
    try {
      const filePath = pathInside(this.dir, name);
      const outcome = await this.deps.sink.importFile(filePath, { source: this.name, serverId: this.options.serverId });
      await this.deps.store.record(this.name, current);
      this.known.set(name, current);
      this.filesFetched += 1;
      this.tracker.success();
      this.log.info({ file: name, status: outcome.status }, 'file handed to importer');
    } catch (err) {
      // Not recorded, so the next scan tries again.
      this.tracker.failure(`importing ${name}: ${message(err)}`);
      this.log.warn({ file: name, err: message(err) }, 'import failed');
    }
  }

  private async statFile(name: string): Promise<FetchedFileRecord | null> {
    try {
      // lstat: only regular files count (spec §9), not links to them.
      const s = await lstat(pathInside(this.dir, name));
      return s.isFile() ? { name, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) } : null;
    } catch {
      return null;
    }
  }

  private isActive(): boolean {
    return this.state === 'starting' || this.state === 'running';
  }
}
