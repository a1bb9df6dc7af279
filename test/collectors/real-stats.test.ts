import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import { SftpCollector } from '../../core/collectors/sftp/sftp-collector';
import type { Database } from '../../core/data/database';
import { forEachDatabase } from '../support/databases';
import { generateTestKeyPair, TestSshServer } from '../support/ssh-server';
import { capturingLogger, importerFor, ObservedSink, recordEvents, waitFor } from './harness';

const REAL = process.env.ETBOT_REAL_STATS ?? path.resolve(__dirname, '../../../../shared/real-stats');
const SERVED_ROOT = path.dirname(REAL);
const REMOTE = `/${path.basename(REAL)}`;

/** The real files, served read-only in place over SFTP (nothing is copied into the repository). */
forEachDatabase('SFTP collector on the real stats folder', (tdb) => {
  let db: Database;
  let tmp: string;
  let server: TestSshServer;
  let collector: SftpCollector | undefined;

  before(async function () {
    if (!fs.existsSync(REAL)) {
      console.log(`    (skipped: ${REAL} does not exist)`);
      this.skip();
    }
    db = await tdb.open();
  });
  beforeEach(async () => {
    await tdb.reset();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-real-'));
  });
  afterEach(async () => {
    await collector?.stop();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('fetches every round file of the folder exactly once, byte for byte, and nothing from sub-folders', async () => {
    const expected = fs
      .readdirSync(REAL, { withFileTypes: true })
      .filter((e) => e.isFile() && /-round-[12]\.txt$/.test(e.name))
      .map((e) => e.name)
      .sort();
    const key = generateTestKeyPair();
    server = await TestSshServer.start({ root: SERVED_ROOT, authorizedKeys: [key.public] });
    fs.writeFileSync(path.join(tmp, 'id'), key.private);
    fs.writeFileSync(path.join(tmp, 'known_hosts'), `${server.knownHostsLine}\n`);
    const sink = new ObservedSink(importerFor(db));
    collector = new SftpCollector(
      {
        name: 'real',
        serverId: 'real',
        host: '127.0.0.1',
        port: server.port,
        username: server.username,
        privateKeyPath: path.join(tmp, 'id'),
        remotePath: REMOTE,
        knownHostsPath: path.join(tmp, 'known_hosts'),
        trustOnFirstUse: false,
        pollSeconds: 2,
        stagingDir: path.join(tmp, 'staging'),
        confirmMs: 200,
      },
      { sink, store: new FetchedRemoteFileStore(db), emit: recordEvents().emit, logger: capturingLogger().logger },
    );
    await collector.start();
    await waitFor('every file to be handed over', () => sink.calls.length >= expected.length, 120_000, 200);
    const listingsBefore = server.requests.filter((r) => r === 'OPENDIR').length;
    await waitFor('two more listings', () => server.requests.filter((r) => r === 'OPENDIR').length >= listingsBefore + 2);
    expect(sink.calls.map((c) => c.name).sort()).to.deep.equal(expected);
    for (const name of expected) {
      expect(fs.readFileSync(path.join(tmp, 'staging', name)).equals(fs.readFileSync(path.join(REAL, name))), name).to.equal(true);
    }
    expect(server.opened.every((p) => path.posix.dirname(p) === REMOTE)).to.equal(true);
    expect(server.writeAttempts).to.deep.equal([]);
  });
});
