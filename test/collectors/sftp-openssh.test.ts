import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../core/data/database';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import { SftpCollector, type SftpCollectorOptions } from '../../core/collectors/sftp/sftp-collector';
import { num } from '../../core/data/sql';
import { forEachDatabase } from '../support/databases';
import { OpenSshServer } from '../support/openssh-server';
import { generateTestKeyPair } from '../support/ssh-server';
import { capturingLogger, importerFor, ObservedSink, recordEvents, roundCount, waitFor } from './harness';
import { filesUnder, hostileNamesOnDisk, skippedNameWarnings } from './hostile-names';
import { roundFileName, roundFileText } from './round-files';

/** The SFTP collector's main behaviour against the real OpenSSH sshd (internal-sftp). */
forEachDatabase('SFTP collector against OpenSSH sshd', (tdb) => {
  let db: Database;
  let sshd: OpenSshServer;
  const clientKey = generateTestKeyPair();
  let tmp: string;
  let statsDir: string;
  let stagingDir: string;
  let keyPath: string;
  let knownHostsPath: string;
  let sink: ObservedSink;
  let log: ReturnType<typeof capturingLogger>;
  let collectors: SftpCollector[];

  before(async () => {
    db = await tdb.open();
    sshd = await OpenSshServer.start({ authorizedKeys: [clientKey.public] });
  });
  after(async () => {
    await sshd?.stop();
  });
  beforeEach(async () => {
    await tdb.reset();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-openssh-'));
    statsDir = path.join(tmp, 'server', 'stats');
    stagingDir = path.join(tmp, 'staging');
    fs.mkdirSync(statsDir, { recursive: true });
    keyPath = path.join(tmp, 'id_ed25519');
    fs.writeFileSync(keyPath, clientKey.private, { mode: 0o600 });
    knownHostsPath = path.join(tmp, 'known_hosts');
    fs.writeFileSync(knownHostsPath, `${sshd.knownHostsLine}\n`);
    sink = new ObservedSink(importerFor(db));
    log = capturingLogger();
    collectors = [];
  });
  afterEach(async function () {
    for (const c of collectors) await c.stop();
    if (this.currentTest?.state === 'failed') console.log(sshd.log().split('\n').slice(-30).join('\n'));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function collector(overrides: Partial<SftpCollectorOptions> = {}): SftpCollector {
    const c = new SftpCollector(
      {
        name: 'openssh',
        serverId: 'gs1',
        host: sshd.host,
        port: sshd.port,
        username: sshd.username,
        privateKeyPath: keyPath,
        remotePath: statsDir,
        knownHostsPath,
        trustOnFirstUse: false,
        pollSeconds: 2,
        stagingDir,
        confirmMs: 300,
        maxBackoffMs: 4000,
        ...overrides,
      },
      { sink, store: new FetchedRemoteFileStore(db), emit: recordEvents().emit, logger: log.logger },
    );
    collectors.push(c);
    return c;
  }

  function writeRemote(name: string, content: string): void {
    const part = path.join(tmp, 'server', `.${process.pid}.tmp`);
    fs.writeFileSync(part, content);
    fs.renameSync(part, path.join(statsDir, name));
  }

  /** Waits until the collector has finished `n` more successful polls. */
  async function polls(c: SftpCollector, n: number): Promise<void> {
    let seen = c.status().lastSuccessAt;
    for (let i = 0; i < n; i++) {
      await waitFor('another successful poll', () => c.status().lastSuccessAt !== seen);
      seen = c.status().lastSuccessAt;
    }
  }

  it('logs in with a key, fetches what is there and each new file exactly once', async () => {
    const first = roundFileName(1);
    writeRemote(first, roundFileText({ players: 3, tag: 'first' }));
    const c = collector();
    await c.start();
    await waitFor('the first file to be imported', () => sink.callsFor(first).length === 1);
    const second = roundFileName(2);
    writeRemote(second, roundFileText({ players: 4, tag: 'second' }));
    await waitFor('the new file to be imported', () => sink.callsFor(second).length === 1);
    await polls(c, 2);
    expect(sink.calls.map((x) => [x.name, x.status, x.source])).to.deep.equal([
      [first, 'imported', 'openssh'],
      [second, 'imported', 'openssh'],
    ]);
    expect(await roundCount(db, second)).to.deep.equal({ rounds: 1, players: 4 });
    expect(fs.readFileSync(path.join(stagingDir, second), 'utf8')).to.equal(roundFileText({ players: 4, tag: 'second' }));
    expect(c.status()).to.include({ state: 'running', filesFetched: 2, consecutiveFailures: 0, lastError: null });
  });

  it('is refused with a key sshd does not accept', async () => {
    const other = path.join(tmp, 'other_key');
    fs.writeFileSync(other, generateTestKeyPair().private, { mode: 0o600 });
    writeRemote(roundFileName(1), roundFileText({ players: 2 }));
    const c = collector({ privateKeyPath: other });
    await c.start();
    const status = await waitFor('a failed poll', () => (c.status().lastError ? c.status() : null));
    expect(status.lastError).to.match(new RegExp(`authentication as '${sshd.username}' on 127\\.0\\.0\\.1:\\d+ was refused`));
    expect(sink.calls).to.deep.equal([]);
  });

  it('refuses sshd when its key is not in known_hosts, and accepts it by known_hosts or SHA256 fingerprint', async () => {
    const name = roundFileName(3);
    writeRemote(name, roundFileText({ players: 2, tag: 'hk' }));
    const emptyKnownHosts = path.join(tmp, 'empty_known_hosts');
    fs.writeFileSync(emptyKnownHosts, '');
    const unknown = collector({ name: 'unknown', knownHostsPath: emptyKnownHosts, stagingDir: path.join(tmp, 'staging-unknown') });
    const wrong = collector({
      name: 'wrong-fp',
      knownHostsPath: undefined,
      hostKeyFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      stagingDir: path.join(tmp, 'staging-wrong'),
    });
    await unknown.start();
    await wrong.start();
    const u = await waitFor('the unknown key to be refused', () => unknown.status().lastError);
    expect(u).to.include(`host key of 127.0.0.1:${sshd.port} (ssh-ed25519 ${sshd.hostKeyFingerprint}) is unknown`);
    const w = await waitFor('the wrong fingerprint to be refused', () => wrong.status().lastError);
    expect(w).to.include('does not match the configured fingerprint SHA256:AAAA');
    expect(sink.calls).to.deep.equal([]);

    const byFingerprint = collector({
      name: 'fp',
      knownHostsPath: undefined,
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      stagingDir: path.join(tmp, 'staging-fp'),
    });
    await byFingerprint.start();
    await waitFor('the file to be imported by the fingerprint collector', () => sink.callsFor(name).length === 1);
    const byKnownHosts = collector({ name: 'kh' });
    await byKnownHosts.start();
    await waitFor('the file to be handed over by the known_hosts collector', () => sink.callsFor(name).length === 2);
    expect(sink.calls.map((x) => [x.source, x.status])).to.deep.equal([
      ['fp', 'imported'],
      ['kh', 'unchanged'],
    ]);
  });

  it('names from the server are data: nothing is written outside staging, links are not followed, the good files are imported', async () => {
    const sentinel = path.join(tmp, 'sentinel.txt');
    fs.writeFileSync(sentinel, 'sentinel\n');
    const escaped = path.join(os.tmpdir(), `etbot-escaped-${process.pid}-${Date.now()}.txt`);
    const names = hostileNamesOnDisk(escaped);
    for (const n of names) writeRemote(n, roundFileText({ players: 1, tag: 'hostile' }));
    // A link with a round file's name, to a file outside the served folder.
    const linked = roundFileName(20);
    fs.symlinkSync('/etc/passwd', path.join(statsDir, linked));
    const good = [roundFileName(1), roundFileName(59, 'zz_last')];
    writeRemote(good[0]!, roundFileText({ players: 2, tag: 'good-a' }));
    writeRemote(good[1]!, roundFileText({ players: 3, map: 'zz_last', tag: 'good-b' }));

    const c = collector();
    await c.start();
    await waitFor('both good files to be imported', () => good.every((g) => sink.callsFor(g).length === 1));
    await polls(c, 2);

    expect(fs.readFileSync(sentinel, 'utf8')).to.equal('sentinel\n');
    expect(fs.existsSync(escaped), `${escaped} written`).to.equal(false);
    // The one plain name among them is data: fetched under that name (and rejected by name).
    const plain: string[] = ['%2e%2e%2fsentinel.txt'];
    expect(filesUnder(stagingDir).sort()).to.deep.equal([...good, ...plain].sort());
    expect(await roundCount(db, good[0]!)).to.deep.equal({ rounds: 1, players: 2 });
    expect(await roundCount(db, good[1]!)).to.deep.equal({ rounds: 1, players: 3 });
    expect(sink.callsFor(linked)).to.deep.equal([]);
    const stored = await db.read((sql) => sql.all('SELECT name, status FROM stats_files'));
    expect(stored.map((r) => String(r.name)).sort()).to.deep.equal([...good, ...plain].sort());
    const warned = skippedNameWarnings(log.output());
    expect([...warned.keys()].sort()).to.deep.equal(names.filter((n) => !plain.includes(n)).sort());
    for (const [name, times] of warned) expect(times, `warnings about ${JSON.stringify(name)}`).to.equal(1);
    expect(c.status()).to.include({ consecutiveFailures: 0, lastError: null });
  });

  it('records a file over import.maxFileBytes as rejected with its size and never downloads it', async () => {
    const big = roundFileName(5);
    writeRemote(big, roundFileText({ players: 40, tag: 'big' }));
    const size = fs.statSync(path.join(statsDir, big)).size;
    const c = collector({ maxFileBytes: 2048 });
    await c.start();
    await waitFor('the file to be recorded', () => sink.callsFor(big).length === 1);
    expect(fs.existsSync(path.join(stagingDir, big))).to.equal(false);
    const row = await db.read((sql) => sql.one('SELECT status, size FROM stats_files WHERE name = ?', [big]));
    expect([String(row?.status), num(row?.size)]).to.deep.equal(['rejected', size]);
  });
});
