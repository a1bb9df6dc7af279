import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkKnownHosts, entriesForHost, fingerprintOf, fingerprintOfBase64, keyTypeOf, knownHostsLine, parseKnownHosts } from './known-hosts';

export interface HostKeyPolicyOptions {
  host: string;
  port: number;
  knownHostsPath?: string;
  /** `SHA256:...` as printed by `ssh-keygen -lf`. */
  hostKeyFingerprint?: string;
  /** Accept an unknown key once and record it in knownHostsPath. Never accepts a changed key. */
  trustOnFirstUse: boolean;
  /** Told when trust-on-first-use has recorded a key (`ssh-ed25519 SHA256:...`). */
  onRecorded?: (key: string, file: string) => void;
}

export type HostKeyDecision = { ok: true; recorded?: boolean } | { ok: false; reason: string };

/** Host key algorithms ssh2 may negotiate, ed25519 first (ssh2's default order). */
const ALL_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;
export type HostKeyAlgorithm = (typeof ALL_HOST_KEY_ALGORITHMS)[number];

/**
 * Decides whether to trust the key a server presents. Refuses unless the key matches the configured
 * fingerprint or a known_hosts entry, or is unknown and trust-on-first-use is on.
 */
export class HostKeyPolicy {
  constructor(private readonly options: HostKeyPolicyOptions) {
    if (!options.knownHostsPath && !options.hostKeyFingerprint) {
      throw new Error(`no host key check configured for ${options.host}: set knownHostsPath or hostKeyFingerprint`);
    }
    if (options.trustOnFirstUse && !options.knownHostsPath) {
      throw new Error('trustOnFirstUse needs knownHostsPath (where the accepted key is recorded)');
    }
  }

  /**
   * Key algorithms with the types already known for this host first, so a server with several host
   * keys presents the one on record.
   */
  async preferredAlgorithms(): Promise<HostKeyAlgorithm[]> {
    const entries = entriesForHost(await this.readEntries(), this.options.host, this.options.port);
    const known = new Set(entries.map((e) => e.keyType));
    const first = ALL_HOST_KEY_ALGORITHMS.filter((a) => known.has(a) || (a.startsWith('rsa-sha2') && known.has('ssh-rsa')));
    return [...first, ...ALL_HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))];
  }

  async verify(key: Buffer): Promise<HostKeyDecision> {
    const { host, port, hostKeyFingerprint, knownHostsPath, trustOnFirstUse } = this.options;
    const where = `${host}:${port}`;
    const presented = `${keyTypeOf(key)} ${fingerprintOf(key)}`;
    if (hostKeyFingerprint && normalise(hostKeyFingerprint) !== fingerprintOf(key)) {
      return { ok: false, reason: `host key of ${where} (${presented}) does not match the configured fingerprint ${hostKeyFingerprint}: refusing to connect` };
    }
    if (!knownHostsPath) return { ok: true };
    const verdict = checkKnownHosts(await this.readEntries(), host, port, key);
    switch (verdict.kind) {
      case 'match':
        return { ok: true };
      case 'revoked':
        return {
          ok: false,
          reason: `host key of ${where} (${presented}) is marked @revoked in ${knownHostsPath} line ${verdict.entry.line}: refusing to connect`,
        };
      case 'changed': {
        const expected = verdict.expected.map((e) => `${e.keyType} ${fingerprintOfBase64(e.keyBase64)} (line ${e.line})`).join(', ');
        return {
          ok: false,
          reason: `host key of ${where} has CHANGED: it presented ${presented} but ${knownHostsPath} has ${expected}. Refusing to connect (possible man-in-the-middle); if the server's key really changed, replace its line in ${knownHostsPath}`,
        };
      }
      case 'unknown':
        if (hostKeyFingerprint) return { ok: true }; // pinned by fingerprint
        if (!trustOnFirstUse) {
          return {
            ok: false,
            reason: `host key of ${where} (${presented}) is unknown: not in ${knownHostsPath}. Refusing to connect; add the key there or enable trustOnFirstUse`,
          };
        }
        await this.record(knownHostsPath, knownHostsLine(host, port, key));
        this.options.onRecorded?.(presented, knownHostsPath);
        return { ok: true, recorded: true };
    }
  }

  private async record(file: string, line: string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const before = await readFile(file, 'utf8').catch(() => '');
    const separator = before && !before.endsWith('\n') ? '\n' : '';
    await appendFile(file, `${separator}${line}\n`, { mode: 0o600 });
  }

  private async readEntries() {
    if (!this.options.knownHostsPath) return [];
    try {
      return parseKnownHosts(await readFile(this.options.knownHostsPath, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }
}

function normalise(fingerprint: string): string {
  const trimmed = fingerprint.trim().replace(/=+$/, '');
  return trimmed.startsWith('SHA256:') ? trimmed : `SHA256:${trimmed}`;
}
