import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../core/data/database';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import { forEachDatabase } from '../support/databases';
import { generateTestKeyPair, TestSshServer } from '../support/ssh-server';
import { importerFor, roundCount, sleep, waitFor } from './harness';
import { roundFileName, roundFileText } from './round-files';
import { SftpFixture } from './sftp-fixture';

forEachDatabase('SFTP collector', (tdb) => {
  let db: Database;
  let fx: SftpFixture;

  before(async () => {
    db = await tdb.open();
  });
  beforeEach(async () => {
    await tdb.reset();
    fx = new SftpFixture(importerFor(db), new FetchedRemoteFileStore(db));
    await fx.startServer();
    fx.trustServer();
  });
  afterEach(async () => {
    const writes = fx.server?.writeAttempts ?? [];
    await fx.close();
    expect(writes, 'requests that would change the server').to.deep.equal([]);
  });

  describe('authentication', () => {
    it('logs in with a key and imports what is in the folder', async () => {
      const name = roundFileName(1);
      fx.writeRemote(name, roundFileText({ players: 3, tag: 'a' }));
      const c = fx.collector();
      await c.start();
      await waitFor('the file to be imported and recorded', () => c.status().filesFetched === 1);
      expect(fx.sink.callsFor(name)).to.have.length(1);
      expect(fx.sink.callsFor(name)[0]).to.include({ status: 'imported', serverId: 'gs1', source: 'gs1' });
      expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 3 });
      expect(c.status()).to.include({ state: 'running', filesFetched: 1, consecutiveFailures: 0, lastError: null });
    });

    it('is refused with a key the server does not accept', async () => {
      const otherKey = path.join(fx.tmp, 'other_key');
      fs.writeFileSync(otherKey, generateTestKeyPair().private);
      fx.writeRemote(roundFileName(1), roundFileText({ players: 2 }));
      const c = fx.collector({ privateKeyPath: otherKey });
      await c.start();
      const status = await waitFor('a failed poll', () => (c.status().lastError ? c.status() : null));
      expect(status.lastError).to.match(/authentication as 'etbot' on 127\.0\.0\.1:\d+ was refused/);
      expect(status.state).to.equal('failing');
      expect(fx.server.logins.accepted).to.equal(0);
      expect(fx.sink.calls).to.deep.equal([]);
    });

    it('logs in with a password from the named environment variable, which never reaches the logs', async () => {
      await fx.server.stop();
      const password = 'pw-Zq81-secret';
      await fx.startServer({ authorizedKeys: [], password });
      fx.trustServer();
      const name = roundFileName(2);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'pw' }));
      const c = fx.collector({ privateKeyPath: undefined, passwordEnv: 'GS1_SSH_PASSWORD', env: { GS1_SSH_PASSWORD: password } });
      await c.start();
      await waitFor('the file to be imported and recorded', () => c.status().filesFetched === 1);
      expect(fx.sink.callsFor(name)).to.have.length(1);
      expect(fx.server.logins.accepted).to.be.greaterThan(0);
      expect(fx.log.output()).to.not.include(password);
      expect(fx.log.output()).to.include('file handed to importer');
    });

    it('uses a passphrase-protected key, the passphrase staying out of the logs', async () => {
      const passphrase = 'pp-7Hc2-secret';
      const key = generateTestKeyPair(passphrase);
      const keyPath = path.join(fx.tmp, 'protected_key');
      fs.writeFileSync(keyPath, key.private);
      await fx.server.stop();
      await fx.startServer({ authorizedKeys: [key.public] });
      fx.trustServer();
      const name = roundFileName(3);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'pp' }));
      const c = fx.collector({ privateKeyPath: keyPath, passphraseEnv: 'GS1_KEY_PASSPHRASE', env: { GS1_KEY_PASSPHRASE: passphrase } });
      await c.start();
      await waitFor('the file to be imported and recorded', () => c.status().filesFetched === 1);
      expect(fx.log.output()).to.include('file handed to importer').and.not.include(passphrase);
    });

    it('names the missing environment variable when a secret is not set', async () => {
      const c = fx.collector({ privateKeyPath: undefined, passwordEnv: 'GS1_UNSET_PASSWORD', env: {} });
      await c.start();
      const status = await waitFor('a failed poll', () => (c.status().lastError ? c.status() : null));
      expect(status.lastError).to.equal('environment variable GS1_UNSET_PASSWORD (named by passwordEnv) is not set');
    });
  });

  describe('host key', () => {
    it('refuses a server whose key is not in known_hosts', async () => {
      fs.writeFileSync(fx.knownHostsPath, '');
      fx.writeRemote(roundFileName(1), roundFileText({ players: 2 }));
      const c = fx.collector();
      await c.start();
      const status = await waitFor('a failed poll', () => (c.status().lastError ? c.status() : null));
      expect(status.lastError).to.include(`host key of 127.0.0.1:${fx.server.port} (ssh-ed25519 ${fx.server.hostKeyFingerprint}) is unknown`);
      expect(fx.server.logins.accepted + fx.server.logins.refused).to.equal(0);
      expect(fx.sink.calls).to.deep.equal([]);
    });

    it('with trust-on-first-use, accepts an unknown key and records it in known_hosts', async () => {
      fs.rmSync(fx.knownHostsPath);
      const name = roundFileName(1);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'tofu' }));
      const c = fx.collector({ trustOnFirstUse: true });
      await c.start();
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      expect(fs.readFileSync(fx.knownHostsPath, 'utf8')).to.equal(`${fx.server.knownHostsLine}\n`);
      expect(fx.log.output()).to.include('trusted on first use').and.include(fx.server.hostKeyFingerprint);
    });

    it('refuses a changed key, even with trust-on-first-use', async () => {
      const impostor = await TestSshServer.start({ root: fx.tmp, authorizedKeys: [fx.clientKey.public] });
      try {
        // known_hosts holds the impostor's key for the real server's address.
        fs.writeFileSync(fx.knownHostsPath, `[127.0.0.1]:${fx.server.port} ssh-ed25519 ${impostor.hostKeyBlob.toString('base64')}\n`);
      } finally {
        await impostor.stop();
      }
      fx.writeRemote(roundFileName(1), roundFileText({ players: 2 }));
      const c = fx.collector({ trustOnFirstUse: true });
      await c.start();
      const status = await waitFor('a failed poll', () => (c.status().lastError ? c.status() : null));
      expect(status.lastError).to.include(`host key of 127.0.0.1:${fx.server.port} has CHANGED`);
      expect(status.lastError).to.include(impostor.hostKeyFingerprint);
      expect(fx.server.logins.accepted + fx.server.logins.refused).to.equal(0);
      expect(fs.readFileSync(fx.knownHostsPath, 'utf8').split('\n').filter(Boolean)).to.have.length(1);
      expect(fx.sink.calls).to.deep.equal([]);
    });

    it('accepts a matching SHA256 fingerprint and refuses another', async () => {
      const name = roundFileName(1);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'fp' }));
      const good = fx.collector({ name: 'fp-good', knownHostsPath: undefined, hostKeyFingerprint: fx.server.hostKeyFingerprint });
      const bad = fx.collector({
        name: 'fp-bad',
        knownHostsPath: undefined,
        hostKeyFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        stagingDir: path.join(fx.tmp, 'staging-bad'),
      });
      await good.start();
      await bad.start();
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      const status = await waitFor('a failed poll', () => (bad.status().lastError ? bad.status() : null));
      expect(status.lastError).to.include('does not match the configured fingerprint SHA256:AAAA');
      expect(fx.sink.calls.map((x) => x.source)).to.deep.equal(['fp-good']);
    });
  });

  describe('polling', () => {
    it('imports a file that appears while polling exactly once', async () => {
      const c = fx.collector();
      await c.start();
      await waitFor('a first successful poll', () => c.status().lastSuccessAt);
      const name = roundFileName(5);
      fx.writeRemote(name, roundFileText({ players: 4, tag: 'new' }));
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      await fx.waitForListings(2);
      expect(fx.sink.callsFor(name)).to.have.length(1);
      expect(fx.server.opened.filter((p) => p.endsWith(name))).to.have.length(1);
      expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 4 });
      expect(fs.readFileSync(path.join(fx.stagingDir, name), 'utf8')).to.equal(roundFileText({ players: 4, tag: 'new' }));
    });

    it('keeps one connection open across polls', async () => {
      const c = fx.collector();
      await c.start();
      await waitFor('a first successful poll', () => c.status().lastSuccessAt);
      await fx.waitForListings(2);
      expect(fx.server.logins.accepted).to.equal(1);
    });

    it('does not import a file that is still growing until it is complete', async () => {
      const c = fx.collector();
      await c.start();
      await waitFor('a first successful poll', () => c.status().lastSuccessAt);
      const name = roundFileName(6);
      const full = roundFileText({ players: 12, tag: 'growing' });
      const remote = path.join(fx.statsDir, name);
      const lines = full.split(/(?<=\n)/);
      const startListings = fx.listings();
      // Written a line every 300 ms: faster than the collector re-lists, so no two listings agree.
      fs.writeFileSync(remote, lines[0]!);
      for (const line of lines.slice(1, -1)) {
        await sleep(300);
        fs.appendFileSync(remote, line);
        expect(fx.sink.callsFor(name), 'handed over while still growing').to.deep.equal([]);
      }
      expect(fx.listings() - startListings, 'listings while the file grew').to.be.greaterThan(1);
      expect(fx.sink.callsFor(name)).to.deep.equal([]);
      fs.appendFileSync(remote, lines[lines.length - 1]!);
      await waitFor('the complete file to be imported', () => fx.sink.callsFor(name).length === 1);
      expect(fx.sink.callsFor(name)[0]!.content).to.equal(full);
      expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 12 });
    });

    it('retries a download cut mid-transfer on the next poll, passing nothing partial on', async () => {
      fx.server.throttle = { readDelayMs: 20, maxReadBytes: 128 };
      const name = roundFileName(7);
      const full = roundFileText({ players: 10, tag: 'cut' });
      expect(full.length).to.be.greaterThan(1024);
      fx.writeRemote(name, full);
      fx.server.killDuringNextDownload(512);
      const c = fx.collector();
      await c.start();
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      expect(fx.sink.callsFor(name)[0]!.content).to.equal(full);
      expect(c.status().lastError).to.match(/reading \/stats\/.*connection lost|No response from server/);
      expect(fx.server.opened.filter((p) => p.endsWith(name))).to.have.length(2);
      expect(fs.readdirSync(fx.stagingDir)).to.deep.equal([name]);
      expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 10 });
    });

    it('after a restart downloads nothing it fetched before, but does fetch new files', async () => {
      const a = roundFileName(10);
      const b = roundFileName(11);
      fx.writeRemote(a, roundFileText({ players: 2, tag: 'a' }));
      fx.writeRemote(b, roundFileText({ players: 3, tag: 'b' }));
      const first = fx.collector();
      await first.start();
      await waitFor('both files to be imported', () => fx.sink.calls.length === 2);
      await first.stop();
      const openedBefore = fx.server.opened.length;

      const second = fx.collector();
      await second.start();
      await waitFor('a first successful poll', () => second.status().lastSuccessAt);
      await fx.waitForListings(2);
      expect(fx.server.opened.length).to.equal(openedBefore);
      const c = roundFileName(12);
      fx.writeRemote(c, roundFileText({ players: 2, tag: 'c' }));
      await waitFor('the new file to be imported', () => fx.sink.callsFor(c).length === 1);
      expect(fx.sink.calls.map((x) => x.name)).to.deep.equal([a, b, c]);
    });

    it('fetches a file again when its size or mtime changes', async () => {
      const name = roundFileName(13);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'v1' }));
      const c = fx.collector();
      await c.start();
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      fx.writeRemote(name, roundFileText({ players: 5, tag: 'v2' }));
      await waitFor('the new version to be handed over', () => fx.sink.callsFor(name).length === 2);
      expect(fx.sink.callsFor(name).map((x) => x.status)).to.deep.equal(['imported', 'replaced']);
      expect(fx.sink.callsFor(name)[1]!.content).to.equal(roundFileText({ players: 5, tag: 'v2' }));
      expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 5 });
    });

    it('ignores the other kinds of files in the folder', async () => {
      const base = roundFileName(14).replace(/\.txt$/, '');
      const others = [`${base}-endstats.txt`, `${base}_ws.txt`, 'gametime-2025-10-25.json', '2025-10-25-100000_engagements.txt', 'readme.md'];
      for (const o of others) fx.writeRemote(o, 'not a round\n');
      const name = roundFileName(15);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'x' }));
      const c = fx.collector();
      await c.start();
      await waitFor('the round file to be imported', () => fx.sink.callsFor(name).length === 1);
      await fx.waitForListings(1);
      expect(fx.sink.calls.map((x) => x.name)).to.deep.equal([name]);
      expect(fx.server.opened.map((p) => path.posix.basename(p))).to.deep.equal([name]);
    });

    it('hands a .txt with a bad round name to the importer, which rejects it (spec §9)', async () => {
      fx.writeRemote('2025-13-01-100000-supply-round-1.txt', roundFileText({ players: 2 }));
      const c = fx.collector();
      await c.start();
      await waitFor('the file to be handed over', () => fx.sink.calls.length === 1);
      expect(fx.sink.calls[0]!.status).to.equal('rejected');
    });

    it('on the very first start with lookBackDays, fetches only recent files, and never the old ones later', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const recent = `${today}-120000-supply-round-1.txt`;
      const old = '2020-01-01-120000-supply-round-1.txt';
      fx.writeRemote(recent, roundFileText({ players: 2, tag: 'recent' }));
      fx.writeRemote(old, roundFileText({ players: 2, tag: 'old' }));
      const first = fx.collector({ lookBackDays: 7 });
      await first.start();
      await waitFor('the recent file to be imported', () => fx.sink.callsFor(recent).length === 1);
      await first.stop();
      const second = fx.collector({ lookBackDays: 7 });
      await second.start();
      await waitFor('a first successful poll', () => second.status().lastSuccessAt);
      await fx.waitForListings(2);
      expect(fx.sink.calls.map((x) => x.name)).to.deep.equal([recent]);
    });
  });

  describe('failures', () => {
    it('raises collector.error after 3 failures in a row, then collector.recovered', async () => {
      const c = fx.collector();
      await c.start();
      await waitFor('a first successful poll', () => c.status().lastSuccessAt);
      await fx.server.stop();
      const error = await waitFor('collector.error', () => fx.recorded.events.find((e) => e.name === 'collector.error'));
      expect(error.payload).to.deep.include({ collector: 'gs1', consecutiveFailures: 3 });
      expect(fx.recorded.events.map((e) => e.name)).to.deep.equal(['collector.error']);
      expect(c.status().state).to.equal('failing');
      await fx.server.restart();
      const name = roundFileName(20);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'back' }));
      await waitFor('collector.recovered', () => fx.recorded.events.find((e) => e.name === 'collector.recovered'));
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      expect(fx.recorded.events.map((e) => e.name)).to.deep.equal(['collector.error', 'collector.recovered']);
      expect(c.status()).to.include({ state: 'running', consecutiveFailures: 0 });
    });

    it('stops while connecting to a server that never answers, without counting a failure', async function () {
      // Shorter than the 15 s SSH handshake timeout: stop() must abort the attempt, not outwait it.
      this.timeout(10_000);
      const silent = net.createServer(() => undefined);
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      const sockets: net.Socket[] = [];
      silent.on('connection', (s) => sockets.push(s));
      try {
        const c = fx.collector({ port: (silent.address() as net.AddressInfo).port });
        await c.start();
        await waitFor('the connection attempt', () => sockets.length === 1);
        await c.stop();
        expect(c.status()).to.include({ state: 'stopped', consecutiveFailures: 0, lastError: null });
      } finally {
        for (const s of sockets) s.destroy();
        silent.close();
      }
    });

    it('reconnects after the server drops the connection between polls', async () => {
      const c = fx.collector();
      await c.start();
      await waitFor('a first successful poll', () => c.status().lastSuccessAt);
      fx.server.killConnections();
      const name = roundFileName(21);
      fx.writeRemote(name, roundFileText({ players: 2, tag: 'drop' }));
      await waitFor('the file to be imported', () => fx.sink.callsFor(name).length === 1);
      expect(fx.server.logins.accepted).to.equal(2);
    });
  });

  it('collects from several servers at once, each with its serverId', async () => {
    const fx2 = new SftpFixture(importerFor(db), new FetchedRemoteFileStore(db));
    try {
      await fx2.startServer();
      fx2.trustServer();
      const a = roundFileName(30, 'supply');
      const b = roundFileName(31, 'radar');
      fx.writeRemote(a, roundFileText({ players: 2, map: 'supply', tag: 'one' }));
      fx2.writeRemote(b, roundFileText({ players: 3, map: 'radar', tag: 'two' }));
      const c1 = fx.collector({ name: 'gs-one', serverId: 'one' });
      const c2 = fx2.collector({ name: 'gs-two', serverId: 'two' });
      await Promise.all([c1.start(), c2.start()]);
      await waitFor('both files to be imported', () => fx.sink.calls.length === 1 && fx2.sink.calls.length === 1);
      expect(fx.sink.calls[0]).to.include({ name: a, serverId: 'one', source: 'gs-one' });
      expect(fx2.sink.calls[0]).to.include({ name: b, serverId: 'two', source: 'gs-two' });
    } finally {
      await fx2.close();
    }
  });
});
