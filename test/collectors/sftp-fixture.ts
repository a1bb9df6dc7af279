import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SftpCollector, type SftpCollectorOptions } from '../../core/collectors/sftp/sftp-collector';
import type { FetchedFileStore } from '../../core/collectors/fetched-file-store';
import type { FileSink } from '../../core/collectors/types';
import { generateTestKeyPair, TestSshServer, type TestSshServerOptions } from '../support/ssh-server';
import { capturingLogger, ObservedSink, recordEvents, waitFor } from './harness';

/** A real SSH server over a temp folder, a client key it accepts, and collectors pointed at it. */
export class SftpFixture {
  readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-sftp-'));
  readonly statsDir = path.join(this.tmp, 'server', 'stats');
  readonly clientKey = generateTestKeyPair();
  readonly clientKeyPath = path.join(this.tmp, 'id_ed25519');
  readonly knownHostsPath = path.join(this.tmp, 'known_hosts');
  readonly stagingDir = path.join(this.tmp, 'staging');
  readonly sink: ObservedSink;
  readonly recorded = recordEvents();
  readonly log = capturingLogger();
  server!: TestSshServer;
  private readonly collectors: SftpCollector[] = [];

  constructor(
    inner: FileSink,
    readonly store: FetchedFileStore,
  ) {
    this.sink = new ObservedSink(inner);
    fs.mkdirSync(this.statsDir, { recursive: true });
    fs.writeFileSync(this.clientKeyPath, this.clientKey.private, { mode: 0o600 });
  }

  async startServer(options: Partial<TestSshServerOptions> = {}): Promise<TestSshServer> {
    this.server = await TestSshServer.start({ root: path.join(this.tmp, 'server'), authorizedKeys: [this.clientKey.public], ...options });
    return this.server;
  }

  trustServer(): void {
    fs.writeFileSync(this.knownHostsPath, `${this.server.knownHostsLine}\n`);
  }

  collector(overrides: Partial<SftpCollectorOptions> = {}): SftpCollector {
    const c = new SftpCollector(
      {
        name: 'gs1',
        serverId: 'gs1',
        host: '127.0.0.1',
        port: this.server.port,
        username: 'etbot',
        privateKeyPath: this.clientKeyPath,
        remotePath: '/stats',
        knownHostsPath: this.knownHostsPath,
        trustOnFirstUse: false,
        pollSeconds: 2,
        stagingDir: this.stagingDir,
        confirmMs: 500,
        maxBackoffMs: 4000,
        ...overrides,
      },
      { sink: this.sink, store: this.store, emit: this.recorded.emit, logger: this.log.logger },
    );
    this.collectors.push(c);
    return c;
  }

  writeRemote(name: string, content: string): void {
    const tmp = path.join(this.tmp, `.${name}.tmp`);
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, path.join(this.statsDir, name));
  }

  /** Number of directory listings the server has answered so far. */
  listings(): number {
    return this.server.requests.filter((r) => r === 'OPENDIR').length;
  }

  /** Waits until the server has seen `n` more listings (full poll cycles of the collector). */
  async waitForListings(n: number, what = `${n} more listings`): Promise<void> {
    const target = this.listings() + n;
    await waitFor(what, () => this.listings() >= target);
  }

  async close(): Promise<void> {
    for (const c of this.collectors) await c.stop();
    await this.server?.stop();
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
