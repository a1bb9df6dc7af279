import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Client, type ConnectConfig, type FileEntryWithStats, type SFTPWrapper, type Stats } from 'ssh2';
import type { HostKeyPolicy } from './host-key-policy';

export interface SftpCredentials {
  username: string;
  privateKey?: Buffer;
  passphrase?: string;
  password?: string;
}

export interface SftpConnectOptions {
  host: string;
  port: number;
  credentials: SftpCredentials;
  policy: HostKeyPolicy;
  readyTimeoutMs?: number;
  /** Aborts a connection attempt still in progress (the collector is stopping). */
  signal?: AbortSignal;
}

export interface RemoteFile {
  name: string;
  size: number;
  mtimeMs: number;
  isFile: boolean;
}

/** SFTP read request size; the server may answer with fewer bytes. */
const CHUNK = 32 * 1024;

/**
 * One open SSH connection with its SFTP channel. Read-only by construction: it only lists,
 * stats, opens for reading, reads and closes.
 */
export class SftpSession {
  private closed = false;
  private closeReason: Error | null = null;

  private constructor(
    private readonly client: Client,
    private readonly sftp: SFTPWrapper,
  ) {
    const markClosed = (err?: Error) => {
      this.closed = true;
      this.closeReason ??= err ?? new Error('connection closed');
    };
    client.on('close', () => markClosed());
    client.on('error', markClosed);
    sftp.on('close', () => markClosed(new Error('SFTP channel closed')));
  }

  static async connect(options: SftpConnectOptions): Promise<SftpSession> {
    const { host, port, credentials, policy } = options;
    const client = new Client();
    let refusal: string | null = null;
    const config: ConnectConfig = {
      host,
      port,
      username: credentials.username,
      privateKey: credentials.privateKey,
      passphrase: credentials.passphrase,
      password: credentials.password,
      readyTimeout: options.readyTimeoutMs ?? 15_000,
      keepaliveInterval: 15_000,
      keepaliveCountMax: 3,
      algorithms: { serverHostKey: await policy.preferredAlgorithms() },
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        policy.verify(key).then(
          (decision) => {
            if (!decision.ok) refusal = decision.reason;
            verify(decision.ok);
          },
          (err: unknown) => {
            refusal = `host key check failed: ${err instanceof Error ? err.message : String(err)}`;
            verify(false);
          },
        );
      },
    };
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        client.removeListener('ready', onReady).removeListener('error', onError);
        client.on('error', () => undefined);
        client.end();
        reject(new Error(`connecting to ${host}:${port}: stopped`));
      };
      const onError = (err: Error & { level?: string }) => {
        client.removeListener('ready', onReady);
        options.signal?.removeEventListener('abort', onAbort);
        client.end();
        reject(new Error(describeConnectError(err, refusal, host, port, credentials)));
      };
      const onReady = () => {
        client.removeListener('error', onError);
        options.signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      client.once('ready', onReady).once('error', onError);
      try {
        client.connect(config);
      } catch (err) {
        // ssh2 throws here for an unreadable key or a wrong passphrase.
        client.removeListener('ready', onReady).removeListener('error', onError);
        reject(new Error(`cannot use the SSH private key for ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`));
      }
    });
    // The connection is up: later errors end it and are reported by the next operation.
    client.on('error', () => undefined);
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) =>
      client.sftp((err, channel) => (err ? reject(new Error(`cannot open SFTP on ${host}:${port}: ${err.message}`)) : resolve(channel))),
    ).catch((err: unknown) => {
      client.end();
      throw err;
    });
    return new SftpSession(client, sftp);
  }

  get alive(): boolean {
    return !this.closed;
  }

  async list(dir: string): Promise<RemoteFile[]> {
    const entries = await this.call<FileEntryWithStats[]>((cb) => this.sftp.readdir(dir, cb), `listing ${dir}`);
    return entries.map((e) => ({
      name: e.filename,
      size: e.attrs.size,
      mtimeMs: e.attrs.mtime * 1000,
      isFile: e.attrs.isFile(),
    }));
  }

  async stat(remotePath: string): Promise<RemoteFile> {
    const s = await this.call<Stats>((cb) => this.sftp.stat(remotePath, cb), `stat ${remotePath}`);
    return { name: path.posix.basename(remotePath), size: s.size, mtimeMs: s.mtime * 1000, isFile: s.isFile() };
  }

  /**
   * Copies a remote file to `localPath` through `<localPath>.part` and a rename, so a reader of the
   * staging folder never sees half a file. Returns the bytes copied; stops after `maxBytes` + 1
   * (a file that grew past its listing is then seen as changed, never read whole).
   */
  async download(remotePath: string, localPath: string, maxBytes = Number.POSITIVE_INFINITY): Promise<number> {
    const partPath = `${localPath}.part`;
    const handle = await this.call<Buffer>((cb) => this.sftp.open(remotePath, 'r', cb), `opening ${remotePath}`);
    const out = await open(partPath, 'w');
    let total = 0;
    try {
      const buf = Buffer.alloc(CHUNK);
      while (total <= maxBytes) {
        const n = await this.readChunk(handle, buf, total, remotePath);
        if (n === 0) break;
        await out.write(buf, 0, n);
        total += n;
      }
      await out.close();
      await rename(partPath, localPath);
      return total;
    } catch (err) {
      await out.close().catch(() => undefined);
      await rm(partPath, { force: true });
      throw err;
    } finally {
      if (this.alive) this.sftp.close(handle, () => undefined);
    }
  }

  close(): void {
    this.closed = true;
    this.client.end();
  }

  private readChunk(handle: Buffer, buf: Buffer, position: number, remotePath: string): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(this.lostError(`reading ${remotePath}`));
      this.sftp.read(handle, buf, 0, buf.length, position, (err, bytesRead) => {
        if (err && (err as Error & { code?: number }).code === 1) return resolve(0); // SFTP EOF
        if (err) return reject(new Error(`reading ${remotePath}: ${err.message}`));
        resolve(bytesRead);
      });
    });
  }

  /** Runs one SFTP request; a connection lost meanwhile becomes a clear error. */
  private call<T>(start: (cb: (err: Error | null | undefined, value: T) => void) => void, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) return reject(this.lostError(what));
      try {
        start((err, value) => (err ? reject(new Error(`${what}: ${err.message}`)) : resolve(value)));
      } catch (err) {
        reject(new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`));
      }
    });
  }

  private lostError(what: string): Error {
    return new Error(`${what}: connection lost (${this.closeReason?.message ?? 'closed'})`);
  }
}

function describeConnectError(err: Error & { level?: string }, refusal: string | null, host: string, port: number, credentials: SftpCredentials): string {
  if (refusal) return refusal;
  if (err.level === 'client-authentication') {
    const methods = [credentials.privateKey ? 'publickey' : null, credentials.password !== undefined ? 'password' : null].filter(Boolean).join(', ');
    return `authentication as '${credentials.username}' on ${host}:${port} was refused (tried: ${methods || 'none'})`;
  }
  if (err.level === 'client-timeout') return `no SSH handshake from ${host}:${port} in time`;
  return `cannot connect to ${host}:${port}: ${err.message}`;
}
