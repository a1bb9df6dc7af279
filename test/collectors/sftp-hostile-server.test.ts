import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../core/data/database';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import { num } from '../../core/data/sql';
import { forEachDatabase } from '../support/databases';
import { importerFor, roundCount, waitFor } from './harness';
import { filesUnder, hostileNames, skippedNameWarnings } from './hostile-names';
import { roundFileName, roundFileText } from './round-files';
import { SftpFixture } from './sftp-fixture';

forEachDatabase('SFTP collector against a hostile server (ssh2 fake)', (tdb) => {
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
    await fx.close();
  });

  it('names with ../, \\, absolute paths, .., %2e%2e%2f, NUL, newlines or 300+ characters write nothing outside staging, are warned about once, and the good files listed with them are imported', async () => {
    const sentinel = path.join(fx.tmp, 'sentinel.txt');
    fs.writeFileSync(sentinel, 'sentinel\n');
    const escaped = path.join(os.tmpdir(), `etbot-escaped-${process.pid}-${Date.now()}.txt`);
    const names = hostileNames(escaped);
    fx.server.listedOnly = names.map((name) => ({ name, content: Buffer.from(roundFileText({ players: 1, tag: 'hostile' })) }));
    const good = [roundFileName(1), roundFileName(59, 'zz_last')];
    fx.writeRemote(good[0]!, roundFileText({ players: 2, tag: 'good-a' }));
    fx.writeRemote(good[1]!, roundFileText({ players: 3, map: 'zz_last', tag: 'good-b' }));

    const c = fx.collector();
    await c.start();
    await waitFor('both good files to be imported', () => good.every((g) => fx.sink.callsFor(g).length === 1));
    await fx.waitForListings(2);

    expect(fs.readFileSync(sentinel, 'utf8'), 'the sentinel next to staging').to.equal('sentinel\n');
    expect(fs.existsSync(escaped), `${escaped} written`).to.equal(false);
    expect(filesUnder(fx.tmp).sort()).to.deep.equal(
      [
        'id_ed25519',
        'known_hosts',
        'sentinel.txt',
        ...good.map((g) => `server/stats/${g}`),
        ...good.map((g) => `staging/${g}`),
        'staging/%2e%2e%2fsentinel.txt',
      ].sort(),
    );
    expect(await roundCount(db, good[0]!)).to.deep.equal({ rounds: 1, players: 2 });
    expect(await roundCount(db, good[1]!)).to.deep.equal({ rounds: 1, players: 3 });
    // The one plain name among them is data: fetched into staging under that name and rejected by name.
    expect(fx.sink.callsFor('%2e%2e%2fsentinel.txt').map((x) => x.status)).to.deep.equal(['rejected']);
    const stored = await db.read((sql) => sql.all('SELECT name FROM stats_files ORDER BY name'));
    expect(stored.map((r) => String(r.name)).sort()).to.deep.equal(['%2e%2e%2fsentinel.txt', ...good].sort());

    // ssh2's readdir drops '.' and '..' itself; every other unsafe name reaches the collector.
    const unsafe = names.filter((n) => !['%2e%2e%2fsentinel.txt', '.', '..'].includes(n));
    const warned = skippedNameWarnings(fx.log.output());
    expect([...warned.keys()].sort()).to.deep.equal([...unsafe].sort());
    for (const [name, times] of warned) expect(times, `warnings about ${JSON.stringify(name)}`).to.equal(1);
    expect(fx.server.opened.filter((p) => !good.some((g) => p.endsWith(g)) && !p.endsWith('%2e%2e%2fsentinel.txt'))).to.deep.equal([]);
    expect(c.status()).to.include({ consecutiveFailures: 0, lastError: null });
  });

  it('records a listed file over import.maxFileBytes as rejected with its size, without downloading it, and imports the others', async () => {
    const big = roundFileName(3);
    const small = roundFileName(4);
    fx.writeRemote(big, roundFileText({ players: 40, tag: 'big' }));
    fx.writeRemote(small, roundFileText({ players: 2, tag: 'small' }));
    const bigSize = fs.statSync(path.join(fx.statsDir, big)).size;
    expect(bigSize).to.be.greaterThan(2048);
    const c = fx.collector({ maxFileBytes: 2048 });
    await c.start();
    await waitFor('both files to be handed over', () => c.status().filesFetched === 2);
    expect(fx.server.opened.filter((p) => p.endsWith(big))).to.deep.equal([]);
    expect(fs.existsSync(path.join(fx.stagingDir, big))).to.equal(false);
    const row = await db.read((sql) => sql.one('SELECT status, reason, size, content FROM stats_files WHERE name = ?', [big]));
    expect(row).to.include({ status: 'rejected' });
    expect(num(row!.size)).to.equal(bigSize);
    expect(String(row!.reason)).to.equal(
      `file is ${bigSize.toLocaleString('en-US')} bytes, over the limit of 2,048 bytes (import.maxFileBytes); it was not read`,
    );
    expect(await roundCount(db, small)).to.deep.equal({ rounds: 1, players: 2 });
    await fx.waitForListings(2);
    expect(fx.sink.callsFor(big)).to.have.length(1);
  });
});
