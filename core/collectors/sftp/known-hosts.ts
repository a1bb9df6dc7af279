import { createHash, createHmac } from 'node:crypto';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  line: number;
  marker: '' | '@revoked' | '@cert-authority';
  hosts: string;
  keyType: string;
  keyBase64: string;
}

export type KnownHostsVerdict =
  { kind: 'match'; entry: KnownHostEntry } | { kind: 'unknown' } | { kind: 'changed'; expected: KnownHostEntry[] } | { kind: 'revoked'; entry: KnownHostEntry };

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    const marker = parts[0] === '@revoked' || parts[0] === '@cert-authority' ? parts.shift()! : '';
    const [hosts, keyType, keyBase64] = parts;
    if (!hosts || !keyType || !keyBase64) return;
    entries.push({ line: i + 1, marker: marker as KnownHostEntry['marker'], hosts, keyType, keyBase64 });
  });
  return entries;
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Does a known_hosts host field (patterns, negations, or one hashed name) cover this host? */
export function hostFieldMatches(field: string, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return mac === hash;
  }
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function globMatches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

/** Plain (not @revoked, not @cert-authority) entries naming host:port. */
export function entriesForHost(entries: KnownHostEntry[], host: string, port: number): KnownHostEntry[] {
  return entries.filter((e) => e.marker === '' && hostFieldMatches(e.hosts, host, port));
}

/** Checks a presented host key (SSH wire-format blob) against the entries for host:port. */
export function checkKnownHosts(entries: KnownHostEntry[], host: string, port: number, key: Buffer): KnownHostsVerdict {
  const presented = key.toString('base64');
  const forHost = entriesForHost(entries, host, port);
  const revoked = entries.find((e) => e.marker === '@revoked' && e.keyBase64 === presented);
  if (revoked) return { kind: 'revoked', entry: revoked };
  const match = forHost.find((e) => e.keyBase64 === presented);
  if (match) return { kind: 'match', entry: match };
  return forHost.length ? { kind: 'changed', expected: forHost } : { kind: 'unknown' };
}

export function knownHostsLine(host: string, port: number, key: Buffer): string {
  return `${knownHostsName(host, port)} ${keyTypeOf(key)} ${key.toString('base64')}`;
}

/** OpenSSH's `SHA256:` fingerprint of a key blob (base64 without padding). */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

export function fingerprintOfBase64(keyBase64: string): string {
  return fingerprintOf(Buffer.from(keyBase64, 'base64'));
}

/** The key type is the first SSH string of the blob, e.g. `ssh-ed25519`. */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const len = key.readUInt32BE(0);
  return key.subarray(4, 4 + len).toString('ascii');
}
