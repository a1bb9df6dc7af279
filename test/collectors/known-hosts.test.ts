import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import { expect } from 'chai';
import { checkKnownHosts, fingerprintOf, hostFieldMatches, keyTypeOf, knownHostsLine, parseKnownHosts } from '../../core/collectors/sftp/known-hosts';
import { backoffDelay } from '../../core/collectors/sftp/backoff';

/** An ed25519 key blob: string "ssh-ed25519" + 32 key bytes, each a length-prefixed SSH string. */
function blob(fill: number): Buffer {
  const type = Buffer.from('ssh-ed25519');
  const key = Buffer.alloc(32, fill);
  const out = Buffer.alloc(4 + type.length + 4 + key.length);
  out.writeUInt32BE(type.length, 0);
  type.copy(out, 4);
  out.writeUInt32BE(32, 4 + type.length);
  key.copy(out, 8 + type.length);
  return out;
}

describe('known_hosts', () => {
  const a = blob(1);
  const b = blob(2);

  it('reads the key type from the blob and formats a line OpenSSH reads', () => {
    expect(keyTypeOf(a)).to.equal('ssh-ed25519');
    expect(knownHostsLine('10.0.0.5', 22, a)).to.equal(`10.0.0.5 ssh-ed25519 ${a.toString('base64')}`);
    expect(knownHostsLine('127.0.0.1', 2222, a)).to.equal(`[127.0.0.1]:2222 ssh-ed25519 ${a.toString('base64')}`);
  });

  it('prints SHA256 fingerprints like ssh-keygen (base64, no padding)', () => {
    const expected = createHash('sha256').update(a).digest('base64').replace(/=+$/, '');
    expect(fingerprintOf(a)).to.equal(`SHA256:${expected}`);
    expect(fingerprintOf(a)).to.not.include('=');
  });

  it('matches plain names, [host]:port, comma lists, wildcards and negations', () => {
    expect(hostFieldMatches('game.example.org,10.0.0.5', '10.0.0.5', 22)).to.equal(true);
    expect(hostFieldMatches('10.0.0.5', '10.0.0.5', 2222)).to.equal(false);
    expect(hostFieldMatches('[10.0.0.5]:2222', '10.0.0.5', 2222)).to.equal(true);
    expect(hostFieldMatches('*.example.org', 'game.example.org', 22)).to.equal(true);
    expect(hostFieldMatches('*.example.org,!game.example.org', 'game.example.org', 22)).to.equal(false);
    expect(hostFieldMatches('10.0.0.?', '10.0.0.7', 22)).to.equal(true);
  });

  it('matches hashed host names (HashKnownHosts)', () => {
    const salt = Buffer.alloc(20, 7);
    const hash = createHmac('sha1', salt).update('[127.0.0.1]:2222').digest('base64');
    const field = `|1|${salt.toString('base64')}|${hash}`;
    expect(hostFieldMatches(field, '127.0.0.1', 2222)).to.equal(true);
    expect(hostFieldMatches(field, '127.0.0.1', 22)).to.equal(false);
  });

  it('tells a known key, an unknown host, a changed key and a revoked key apart', () => {
    const text = [
      '# comment',
      '',
      `[127.0.0.1]:2222 ssh-ed25519 ${a.toString('base64')}`,
      `other.example.org ssh-ed25519 ${b.toString('base64')}`,
      `@revoked * ssh-ed25519 ${blob(9).toString('base64')}`,
    ].join('\n');
    const entries = parseKnownHosts(text);
    expect(entries.map((e) => e.line)).to.deep.equal([3, 4, 5]);
    expect(checkKnownHosts(entries, '127.0.0.1', 2222, a).kind).to.equal('match');
    expect(checkKnownHosts(entries, '127.0.0.1', 2223, a).kind).to.equal('unknown');
    const changed = checkKnownHosts(entries, '127.0.0.1', 2222, b);
    expect(changed.kind).to.equal('changed');
    expect(changed.kind === 'changed' && changed.expected.map((e) => e.line)).to.deep.equal([3]);
    expect(checkKnownHosts(entries, '127.0.0.1', 2222, blob(9)).kind).to.equal('revoked');
  });
});

describe('reconnect backoff', () => {
  it('doubles from the poll interval up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 2000, 20_000))).to.deep.equal([2000, 4000, 8000, 16000, 20000, 20000]);
    expect(backoffDelay(100, 2000, 20_000)).to.equal(20_000);
    expect(backoffDelay(3, 30_000, 10_000)).to.equal(30_000);
  });
});

describe('known_hosts against OpenSSH ssh-keygen', function () {
  const hasKeygen = (() => {
    try {
      execFileSync('ssh-keygen', ['-V'], { stdio: 'ignore' });
      return true;
    } catch {
      try {
        // Older ssh-keygen has no -V; `-?` prints usage and exits 1 when it exists.
        execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
        return true;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code !== 'ENOENT';
      }
    }
  })();
  let dir: string;

  before(function () {
    if (!hasKeygen) {
      console.log('    (skipped: ssh-keygen is not installed)');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-keygen-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same SHA256 fingerprint as ssh-keygen -l', () => {
    const keyPath = path.join(dir, 'host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyPath]);
    const keyBlob = Buffer.from(fs.readFileSync(`${keyPath}.pub`, 'utf8').split(' ')[1]!, 'base64');
    const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${keyPath}.pub`])
      .toString()
      .split(' ')[1];
    expect(fingerprintOf(keyBlob)).to.equal(printed);
  });

  it('writes lines ssh-keygen finds, and matches them once ssh-keygen has hashed them', () => {
    const keyBlob = blob(3);
    const knownHosts = path.join(dir, 'known_hosts');
    fs.writeFileSync(knownHosts, `${knownHostsLine('127.0.0.1', 2222, keyBlob)}\n`);
    const found = execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2222', '-f', knownHosts]).toString();
    expect(found).to.include(keyBlob.toString('base64'));
    execFileSync('ssh-keygen', ['-H', '-f', knownHosts], { stdio: 'ignore' });
    const entries = parseKnownHosts(fs.readFileSync(knownHosts, 'utf8'));
    expect(entries[0]!.hosts.startsWith('|1|')).to.equal(true);
    expect(checkKnownHosts(entries, '127.0.0.1', 2222, keyBlob).kind).to.equal('match');
    expect(checkKnownHosts(entries, '127.0.0.1', 2223, keyBlob).kind).to.equal('unknown');
  });
});
