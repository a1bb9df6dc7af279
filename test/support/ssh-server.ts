import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Server, utils, type Connection, type ParsedKey, type SFTPWrapper } from 'ssh2';

const { OPEN_MODE, STATUS_CODE } = utils.sftp;
const WRITE_FLAGS = OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC | OPEN_MODE.EXCL;

export interface TestSshServerOptions {
  /** Folder served over SFTP; remote `/x` is `<root>/x`. */
  root: string;
  username?: string;
  /** OpenSSH-format public keys that may log in. */
  authorizedKeys?: string[];
  password?: string;
  /** Private host key (OpenSSH format); a fresh ed25519 key when absent. */
  hostKey?: string;
}

export interface Throttle {
  /** Delay before answering each READ. */
  readDelayMs: number;
  /** At most this many bytes per READ answer (forces several reads per file). */
  maxReadBytes: number;
}

type OpenHandle =
  | { kind: 'file'; fd: number; remote: string }
  | { kind: 'memory'; content: Buffer; remote: string }
  | { kind: 'dir'; dir: string; remote: string; listed: boolean };

/** A file a hostile server lists: any name at all (`../x`, NUL, newlines...), served from memory. */
export interface ListedOnlyFile {
  name: string;
  content: Buffer;
}

/**
 * A real SSH server on 127.0.0.1 (ssh2's Server) with a read-only SFTP subsystem over a folder.
 * Tests can throttle reads, cut connections (now, or in the middle of the next download), stop it
 * and start it again on the same port, and inspect every SFTP request it received.
 */
export class TestSshServer {
  readonly host = '127.0.0.1';
  readonly username: string;
  readonly hostPrivateKey: string;
  readonly hostPublicKey: ParsedKey;
  throttle: Throttle = { readDelayMs: 0, maxReadBytes: 64 * 1024 };
  /** Every SFTP request type received, in order (e.g. 'OPENDIR', 'READ'). */
  readonly requests: string[] = [];
  /** Requests that would change something on the server (all refused). */
  readonly writeAttempts: string[] = [];
  /** Remote paths opened for reading, in order. */
  readonly opened: string[] = [];
  /** Log-in attempts that were accepted / refused (by method). */
  readonly logins = { accepted: 0, refused: 0 };
  /**
   * Listed in every folder before the real files, with names no file system could hold; opening
   * `<folder>/<name>` (joined either way) serves the content.
   */
  listedOnly: ListedOnlyFile[] = [];

  private readonly ssh: Server;
  private readonly tcp = net.createServer((socket) => this.onSocket(socket));
  private readonly sockets = new Set<net.Socket>();
  private readonly allowedKeys: ParsedKey[];
  private killAtOffset: number | null = null;
  private _port = 0;

  private constructor(private readonly options: TestSshServerOptions) {
    this.username = options.username ?? 'etbot';
    this.hostPrivateKey = options.hostKey ?? generateTestKeyPair().private;
    this.hostPublicKey = parseKeyOrThrow(this.hostPrivateKey);
    this.allowedKeys = (options.authorizedKeys ?? []).map(parseKeyOrThrow);
    this.ssh = new Server({ hostKeys: [this.hostPrivateKey] }, (client) => this.onClient(client));
    this.ssh.on('error', () => undefined);
  }

  static async start(options: TestSshServerOptions): Promise<TestSshServer> {
    const server = new TestSshServer(options);
    await server.listen(0);
    return server;
  }

  get port(): number {
    return this._port;
  }

  /** The host key blob (SSH wire format), what a client's host verifier receives. */
  get hostKeyBlob(): Buffer {
    return this.hostPublicKey.getPublicSSH();
  }

  /** `SHA256:...` as `ssh-keygen -lf` prints it. */
  get hostKeyFingerprint(): string {
    return `SHA256:${createHash('sha256').update(this.hostKeyBlob).digest('base64').replace(/=+$/, '')}`;
  }

  /** A known_hosts line for this server (`[127.0.0.1]:port ssh-ed25519 AAAA...`). */
  get knownHostsLine(): string {
    return `[${this.host}]:${this._port} ${this.hostPublicKey.type} ${this.hostKeyBlob.toString('base64')}`;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Cuts every open connection at once (no SSH goodbye). */
  killConnections(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Cuts the connection when a client next reads a file at or beyond `offset` bytes (once). */
  killDuringNextDownload(offset: number): void {
    this.killAtOffset = offset;
  }

  /** Stops listening and cuts every connection. */
  async stop(): Promise<void> {
    this.killConnections();
    if (this.tcp.listening) await new Promise<void>((resolve) => this.tcp.close(() => resolve()));
  }

  /** Listens again on the same port with the same host key. */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen(this._port);
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.tcp.once('error', reject);
      this.tcp.listen(port, this.host, () => {
        this.tcp.removeListener('error', reject);
        this._port = (this.tcp.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private onSocket(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    this.ssh.injectSocket(socket);
  }

  private onClient(client: Connection): void {
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      const methods: ('publickey' | 'password')[] = [];
      if (this.allowedKeys.length) methods.push('publickey');
      if (this.options.password !== undefined) methods.push('password');
      if (ctx.username === this.username) {
        if (ctx.method === 'password' && this.options.password !== undefined && ctx.password === this.options.password) {
          this.logins.accepted += 1;
          return ctx.accept();
        }
        if (ctx.method === 'publickey') {
          const key = this.allowedKeys.find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data));
          if (key && !ctx.signature) return ctx.accept(); // the client is only asking whether the key would do
          if (key && ctx.blob && key.verify(ctx.blob, ctx.signature!, ctx.hashAlgo) === true) {
            this.logins.accepted += 1;
            return ctx.accept();
          }
        }
      }
      if (ctx.method !== 'none') this.logins.refused += 1;
      ctx.reject(methods);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('sftp', (acceptSftp) => this.serveSftp(acceptSftp()));
      });
    });
  }

  private serveSftp(sftp: SFTPWrapper): void {
    const handles = new Map<number, OpenHandle>();
    let nextHandle = 1;
    const newHandle = (h: OpenHandle): Buffer => {
      const id = nextHandle++;
      handles.set(id, h);
      const buf = Buffer.alloc(4);
      buf.writeUInt32BE(id);
      return buf;
    };
    const lookup = (handle: Buffer) => (handle.length === 4 ? handles.get(handle.readUInt32BE(0)) : undefined);
    const fail = (reqId: number, err: unknown) => {
      const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE;
      sftp.status(reqId, code, (err as Error).message);
    };
    const record = (name: string) => this.requests.push(name);

    sftp.on('OPEN', (reqId, filename, flags) => {
      record('OPEN');
      if (flags & WRITE_FLAGS) {
        this.writeAttempts.push(`OPEN for writing ${filename}`);
        return sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'read-only server');
      }
      const fake = this.listedOnly.find((f) => this.listedPaths(f.name).includes(filename));
      if (fake) {
        this.opened.push(filename);
        return sftp.handle(reqId, newHandle({ kind: 'memory', content: fake.content, remote: filename }));
      }
      fs.open(this.local(filename), 'r', (err, fd) => {
        if (err) return fail(reqId, err);
        this.opened.push(filename);
        sftp.handle(reqId, newHandle({ kind: 'file', fd, remote: filename }));
      });
    });

    sftp.on('READ', (reqId, handle, offset, length) => {
      record('READ');
      const h = lookup(handle);
      if (h?.kind === 'memory') {
        const part = h.content.subarray(offset, offset + Math.min(length, this.throttle.maxReadBytes));
        return part.length === 0 ? sftp.status(reqId, STATUS_CODE.EOF) : sftp.data(reqId, part);
      }
      if (!h || h.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE, 'bad handle');
      if (this.killAtOffset !== null && offset >= this.killAtOffset) {
        this.killAtOffset = null;
        this.killConnections();
        return;
      }
      const answer = () => {
        const buf = Buffer.alloc(Math.min(length, this.throttle.maxReadBytes));
        fs.read(h.fd, buf, 0, buf.length, offset, (err, n) => {
          if (err) return fail(reqId, err);
          if (n === 0) return sftp.status(reqId, STATUS_CODE.EOF);
          sftp.data(reqId, buf.subarray(0, n));
        });
      };
      if (this.throttle.readDelayMs > 0) setTimeout(answer, this.throttle.readDelayMs);
      else answer();
    });

    const attrsOf = (s: fs.Stats) => ({
      mode: s.mode,
      uid: s.uid,
      gid: s.gid,
      size: s.size,
      atime: Math.floor(s.atimeMs / 1000),
      mtime: Math.floor(s.mtimeMs / 1000),
    });
    for (const op of ['STAT', 'LSTAT'] as const) {
      sftp.on(op, (reqId: number, p: string) => {
        record(op);
        const fake = this.listedOnly.find((f) => this.listedPaths(f.name).includes(p));
        if (fake) return sftp.attrs(reqId, listedOnlyAttrs(fake));
        (op === 'STAT' ? fs.stat : fs.lstat)(this.local(p), (err, s) => (err ? fail(reqId, err) : sftp.attrs(reqId, attrsOf(s))));
      });
    }
    sftp.on('FSTAT', (reqId, handle) => {
      record('FSTAT');
      const h = lookup(handle);
      if (h?.kind === 'memory') return sftp.attrs(reqId, listedOnlyAttrs({ name: h.remote, content: h.content }));
      if (!h || h.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE, 'bad handle');
      fs.fstat(h.fd, (err, s) => (err ? fail(reqId, err) : sftp.attrs(reqId, attrsOf(s))));
    });

    sftp.on('OPENDIR', (reqId, p) => {
      record('OPENDIR');
      const dir = this.local(p);
      fs.stat(dir, (err, s) => {
        if (err) return fail(reqId, err);
        if (!s.isDirectory()) return sftp.status(reqId, STATUS_CODE.FAILURE, 'not a directory');
        sftp.handle(reqId, newHandle({ kind: 'dir', dir, remote: p, listed: false }));
        this.lastListed = p;
      });
    });

    sftp.on('READDIR', (reqId, handle) => {
      record('READDIR');
      const h = lookup(handle);
      if (!h || h.kind !== 'dir') return sftp.status(reqId, STATUS_CODE.FAILURE, 'bad handle');
      if (h.listed) return sftp.status(reqId, STATUS_CODE.EOF);
      h.listed = true;
      fs.readdir(h.dir, (err, names) => {
        if (err) return fail(reqId, err);
        const entries = this.listedOnly.map((f) => ({ filename: f.name, longname: f.name, attrs: listedOnlyAttrs(f) }));
        for (const name of names) {
          try {
            const s = fs.lstatSync(path.join(h.dir, name));
            entries.push({ filename: name, longname: name, attrs: attrsOf(s) });
          } catch {
            // vanished meanwhile
          }
        }
        if (entries.length === 0) return sftp.status(reqId, STATUS_CODE.EOF);
        sftp.name(reqId, entries);
      });
    });

    sftp.on('REALPATH', (reqId, p) => {
      record('REALPATH');
      const normal = path.posix.resolve('/', p);
      sftp.name(reqId, [{ filename: normal, longname: normal, attrs: {} as never }]);
    });

    sftp.on('CLOSE', (reqId, handle) => {
      record('CLOSE');
      const h = lookup(handle);
      if (!h) return sftp.status(reqId, STATUS_CODE.FAILURE, 'bad handle');
      handles.delete(handle.readUInt32BE(0));
      if (h.kind === 'file') fs.close(h.fd, () => sftp.status(reqId, STATUS_CODE.OK));
      else sftp.status(reqId, STATUS_CODE.OK);
    });

    for (const op of ['WRITE', 'REMOVE', 'RENAME', 'MKDIR', 'RMDIR', 'SETSTAT', 'FSETSTAT', 'SYMLINK'] as const) {
      sftp.on(op, (reqId: number) => {
        record(op);
        this.writeAttempts.push(op);
        sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'read-only server');
      });
    }
    sftp.on('close', () => {
      for (const h of handles.values()) if (h.kind === 'file') fs.close(h.fd, () => undefined);
      handles.clear();
    });
  }

  private lastListed = '/';

  /** The paths a client could open for a listed-only name of the folder it last listed. */
  private listedPaths(name: string): string[] {
    return [path.posix.join(this.lastListed, name), `${this.lastListed.replace(/\/$/, '')}/${name}`];
  }

  /** Remote path -> path under root; nothing outside root is reachable. */
  private local(remote: string): string {
    return path.join(this.options.root, path.posix.resolve('/', remote));
  }
}

const LISTED_ONLY_MTIME = Math.floor(Date.parse('2025-10-25T12:00:00Z') / 1000);

function listedOnlyAttrs(f: ListedOnlyFile) {
  return { mode: fs.constants.S_IFREG | 0o644, uid: 0, gid: 0, size: f.content.length, atime: LISTED_ONLY_MTIME, mtime: LISTED_ONLY_MTIME };
}

/**
 * ssh2's ed25519 generator drops a leading zero byte of the public key about once in 256 keys,
 * which makes a key ssh2 itself cannot parse: generate until the pair parses.
 */
export function generateTestKeyPair(passphrase?: string): { private: string; public: string } {
  for (;;) {
    const pair = passphrase ? utils.generateKeyPairSync('ed25519', { passphrase, cipher: 'aes256-ctr', rounds: 16 }) : utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.private, passphrase) instanceof Error) && !(utils.parseKey(pair.public) instanceof Error)) return pair;
  }
}

function parseKeyOrThrow(text: string): ParsedKey {
  const key = utils.parseKey(text);
  if (key instanceof Error) throw key;
  return Array.isArray(key) ? (key[0] as ParsedKey) : key;
}
