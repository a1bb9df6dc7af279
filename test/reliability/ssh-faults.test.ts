import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import type { Database } from '../../core/data/database';
import { importerFor, roundCount, waitFor } from '../collectors/harness';
import { roundFileName, roundFileText } from '../collectors/round-files';
import { SftpFixture } from '../collectors/sftp-fixture';
import { createTestDatabase } from '../support/databases';
import { generateTestKeyPair, TestSshServer } from '../support/ssh-server';

interface LogLine {
  level: number;
  msg: string;
  collector?: string;
  err?: string;
  retryInMs?: number;
  consecutiveFailures?: number;
}
const WARN = 40;

/** The collector's log, parsed (pino JSON lines). */
function logLines(fx: SftpFixture): LogLine[] {
  return fx.log
    .output()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
}
const failures = (fx: SftpFixture) => logLines(fx).filter((l) => l.msg === 'sftp poll failed');

// Other SFTP faults are proved in test/collectors/sftp-collector.test.ts (both engines); these add
// what an operator reads in the log, the slow server and the backoff.
describe('reliability: SSH faults, as the log tells them [sqlite]', function () {
  this.timeout(120_000);
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  let fx: SftpFixture;
  before(async () => {
    test = await createTestDatabase('sqlite');
    db = await test.open();
  });
  after(async () => test.destroy());
  beforeEach(async () => {
    await test.reset();
    fx = new SftpFixture(importerFor(db), new FetchedRemoteFileStore(db));
    await fx.startServer();
    fx.trustServer();
  });
  afterEach(async () => fx.close());

  it('server killed mid-transfer: one warn line naming the collector and the file, nothing partial imported, the file whole on the next poll', async () => {
    fx.server.throttle = { readDelayMs: 10, maxReadBytes: 128 };
    const name = roundFileName(3);
    const full = roundFileText({ players: 10, tag: 'cut' });
    fx.writeRemote(name, full);
    fx.server.killDuringNextDownload(600);
    const c = fx.collector();
    await c.start();
    await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
    const [failure, ...more] = failures(fx);
    expect(more).to.deep.equal([]);
    expect(failure).to.include({ level: WARN, collector: 'gs1', consecutiveFailures: 1 });
    expect(failure!.err).to.include(`/stats/${name}`);
    expect(failure!.retryInMs).to.be.a('number');
    expect(fx.sink.callsFor(name)[0]!.content).to.equal(full);
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 10 });
  });

  it('a very slow server (64-byte reads, 40 ms apart): the file arrives whole, no failure logged', async () => {
    fx.server.throttle = { readDelayMs: 40, maxReadBytes: 64 };
    const name = roundFileName(4);
    const full = roundFileText({ players: 6, tag: 'slow' });
    fx.writeRemote(name, full);
    const c = fx.collector();
    await c.start();
    await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1, 60_000);
    expect(fx.sink.callsFor(name)[0]!.content).to.equal(full);
    expect(failures(fx)).to.deep.equal([]);
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 6 });
  });

  it('a changed host key: the warn line says CHANGED with the fingerprint; nothing is fetched', async () => {
    const impostor = await TestSshServer.start({ root: fx.tmp, authorizedKeys: [fx.clientKey.public] });
    fs.writeFileSync(fx.knownHostsPath, `[127.0.0.1]:${fx.server.port} ssh-ed25519 ${impostor.hostKeyBlob.toString('base64')}\n`);
    await impostor.stop();
    fx.writeRemote(roundFileName(5), roundFileText({ players: 2 }));
    const c = fx.collector();
    await c.start();
    const [failure] = await waitFor('a logged failure', () => (failures(fx).length > 0 ? failures(fx) : null));
    expect(failure!.err).to.include(`host key of 127.0.0.1:${fx.server.port} has CHANGED`).and.include(impostor.hostKeyFingerprint);
    expect(fx.sink.calls).to.deep.equal([]);
  });

  it('failed authentication: the warn line names the user and the server; nothing is fetched', async () => {
    const otherKey = path.join(fx.tmp, 'other_key');
    fs.writeFileSync(otherKey, generateTestKeyPair().private);
    fx.writeRemote(roundFileName(6), roundFileText({ players: 2 }));
    const c = fx.collector({ privateKeyPath: otherKey });
    await c.start();
    const [failure] = await waitFor('a logged failure', () => (failures(fx).length > 0 ? failures(fx) : null));
    expect(failure!.err).to.match(/authentication as 'etbot' on 127\.0\.0\.1:\d+ was refused/);
    expect(fx.sink.calls).to.deep.equal([]);
  });

  it('server down: failures logged with a doubling delay (capped), then recovery and the new file imported once', async () => {
    const c = fx.collector({ pollSeconds: 0.2, maxBackoffMs: 800 } as never);
    await c.start();
    await waitFor('a first successful poll', () => c.status().lastSuccessAt);
    await fx.server.stop();
    await waitFor('five failures', () => failures(fx).length >= 5);
    // 200 ms poll: 200, 400, 800, then the 800 ms cap.
    expect(
      failures(fx)
        .slice(0, 5)
        .map((l) => l.retryInMs),
    ).to.deep.equal([200, 400, 800, 800, 800]);
    await fx.server.restart();
    const name = roundFileName(7);
    fx.writeRemote(name, roundFileText({ players: 3, tag: 'back' }));
    await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 3 });
    expect(c.status()).to.include({ consecutiveFailures: 0 });
  });
});
