import path from 'node:path';
import type { CollectorConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import { errorMessage } from './errors';
import type { FetchedFileStore } from './fetched-file-store';
import { LocalFolderCollector } from './local/local-folder-collector';
import { SftpCollector } from './sftp/sftp-collector';
import type { Collector, CollectorEmit, CollectorStatus, FileSink } from './types';

export interface CollectorManagerDeps {
  sink: FileSink;
  store: FetchedFileStore;
  emit: CollectorEmit;
  logger: Logger;
  /** Staging folders default to `<dataDir>/staging/<collector>`. */
  dataDir: string;
  /** Where secrets named by `passwordEnv`/`passphraseEnv` are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** import.maxFileBytes: an SFTP collector records a listed file bigger than this as rejected, unfetched. */
  maxFileBytes?: number;
  /** SFTP tuning, mostly for tests: settle re-listing delay and reconnect backoff cap. */
  sftp?: { confirmMs?: number; maxBackoffMs?: number };
}

/** Builds the configured collectors, starts and stops them together, and reports their state. */
export class CollectorManager {
  private readonly collectors: Collector[] = [];
  private running = false;

  constructor(private readonly deps: CollectorManagerDeps) {}

  /** Adds one collector per config entry; names must be unique. */
  configure(configs: readonly CollectorConfig[]): this {
    for (const cfg of configs) this.add(this.build(cfg));
    return this;
  }

  add(collector: Collector): this {
    if (this.collectors.some((c) => c.name === collector.name)) {
      throw new Error(`two collectors are named '${collector.name}': give each a distinct name`);
    }
    this.collectors.push(collector);
    return this;
  }

  get(name: string): Collector | undefined {
    return this.collectors.find((c) => c.name === name);
  }

  /** Starts every collector; one that cannot start is logged and reported, the others run. */
  async start(): Promise<void> {
    this.running = true;
    await Promise.all(
      this.collectors.map(async (c) => {
        try {
          await c.start();
        } catch (err) {
          this.deps.logger.error({ collector: c.name, err: errorMessage(err) }, 'collector failed to start');
        }
      }),
    );
  }

  /** Stops every collector, each waiting for its in-flight import. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.collectors.map((c) => c.stop()));
  }

  get isRunning(): boolean {
    return this.running;
  }

  status(): CollectorStatus[] {
    return this.collectors.map((c) => c.status());
  }

  private build(cfg: CollectorConfig): Collector {
    const { sink, store, emit, logger } = this.deps;
    if (cfg.type === 'local') {
      const name = cfg.name ?? `local:${cfg.path}`;
      return new LocalFolderCollector({ name, serverId: cfg.serverId, path: cfg.path, settleMs: cfg.settleMs }, { sink, store, emit, logger });
    }
    const name = cfg.name ?? `sftp:${cfg.username}@${cfg.host}:${cfg.port}${cfg.remotePath}`;
    return new SftpCollector(
      {
        ...cfg,
        name,
        stagingDir: cfg.stagingDir ?? path.join(this.deps.dataDir, 'staging', safeFolderName(name)),
        confirmMs: this.deps.sftp?.confirmMs,
        maxBackoffMs: this.deps.sftp?.maxBackoffMs,
        maxFileBytes: this.deps.maxFileBytes,
        env: this.deps.env,
      },
      { sink, store, emit, logger },
    );
  }
}

function safeFolderName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}
