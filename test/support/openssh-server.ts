import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const SSHD = '/usr/sbin/sshd';

export interface OpenSshServerOptions {
  /** OpenSSH-format public keys that may log in (as the user running the tests). */
  authorizedKeys: string[];
}

/**
 * The real OpenSSH `sshd` on 127.0.0.1 with its own host key, config and authorized keys in a temp
 * folder, serving SFTP (internal-sftp) for the user running the tests (root included: key login
 * only). Remote paths are this machine's paths. Started and stopped per suite.
 */
export class OpenSshServer {
  readonly host = '127.0.0.1';
  readonly username = os.userInfo().username;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-sshd-'));
  readonly logPath = path.join(this.dir, 'sshd.log');
  private readonly hostKeyPath = path.join(this.dir, 'ssh_host_ed25519_key');
  private process: ChildProcess | null = null;
  private _port = 0;

  private constructor() {}

  static async start(options: OpenSshServerOptions): Promise<OpenSshServer> {
    if (!fs.existsSync(SSHD)) {
      throw new Error(
        `OpenSSH's sshd is not installed (${SSHD} is missing): install the Debian package openssh-server (apt-get install -y openssh-server; scripts/setup.js does it)`,
      );
    }
    const server = new OpenSshServer();
    try {
      await server.launch(options);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  get port(): number {
    return this._port;
  }

  /** The host key blob (SSH wire format). */
  get hostKeyBlob(): Buffer {
    return Buffer.from(fs.readFileSync(`${this.hostKeyPath}.pub`, 'utf8').trim().split(/\s+/)[1]!, 'base64');
  }

  /** `SHA256:...` as `ssh-keygen -lf` prints it. */
  get hostKeyFingerprint(): string {
    return `SHA256:${createHash('sha256').update(this.hostKeyBlob).digest('base64').replace(/=+$/, '')}`;
  }

  get knownHostsLine(): string {
    return `[${this.host}]:${this._port} ssh-ed25519 ${this.hostKeyBlob.toString('base64')}`;
  }

  /** sshd's own log (VERBOSE), to explain a failure. */
  log(): string {
    return fs.existsSync(this.logPath) ? fs.readFileSync(this.logPath, 'utf8') : '';
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(options: OpenSshServerOptions): Promise<void> {
    // Privilege separation folder sshd insists on when run as root.
    if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'etbot-test-host', '-f', this.hostKeyPath]);
    const authorizedKeys = path.join(this.dir, 'authorized_keys');
    fs.writeFileSync(authorizedKeys, `${options.authorizedKeys.join('\n')}\n`, { mode: 0o600 });
    this._port = await freePort();
    const config = path.join(this.dir, 'sshd_config');
    fs.writeFileSync(
      config,
      [
        `ListenAddress ${this.host}`,
        `Port ${this._port}`,
        `HostKey ${this.hostKeyPath}`,
        `PidFile ${path.join(this.dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorizedKeys}`,
        'StrictModes no',
        'PermitRootLogin prohibit-password',
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'Subsystem sftp internal-sftp',
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    // -D: stays in the foreground as our child, so stop() ends exactly this sshd.
    const child = spawn(SSHD, ['-D', '-f', config, '-E', this.logPath], { stdio: 'ignore' });
    this.process = child;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.host, this._port))) {
      if (child.exitCode !== null) throw new Error(`sshd exited with code ${child.exitCode}: ${this.log()}`);
      if (Date.now() > deadline) throw new Error(`sshd did not listen on ${this.host}:${this._port} within 10 s: ${this.log()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
