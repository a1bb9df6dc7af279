import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { CollectorManager } from '../../core/collectors/collector-manager';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import { collectorsModule } from '../../core/collectors/module';
import { CollectorServices } from '../../core/collectors/tokens';
import type { FileSink } from '../../core/collectors/types';
import { collectorSchema } from '../../core/config/schema';
import type { Database } from '../../core/data/database';
import { databaseModule } from '../../core/data/module';
import type { App } from '../../core/app/app';
import type { AppMode } from '../../core/app/module';
import { forEachDatabase } from '../support/databases';
import { startTestApp } from '../support/test-app';
import { capturingLogger, importerFor, ObservedSink, recordEvents, roundCount, waitFor } from './harness';
import { roundFileName, roundFileText } from './round-files';

forEachDatabase('collector manager', (tdb) => {
  let db: Database;
  let dir: string;

  before(async () => {
    db = await tdb.open();
  });
  beforeEach(async () => {
    await tdb.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-manager-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function manager(sink: FileSink): CollectorManager {
    return new CollectorManager({
      sink,
      store: new FetchedRemoteFileStore(db),
      emit: recordEvents().emit,
      logger: capturingLogger().logger,
      dataDir: path.join(dir, 'data'),
    });
  }

  it('builds the configured collectors with their default names and reports their state', async () => {
    const configs = [
      collectorSchema.parse({ type: 'local', path: path.join(dir, 'a') }),
      collectorSchema.parse({ type: 'local', name: 'second', serverId: 'gs2', path: path.join(dir, 'b'), settleMs: 200 }),
      collectorSchema.parse({
        type: 'sftp',
        host: '127.0.0.1',
        port: 2222,
        username: 'etbot',
        privateKeyPath: '/nonexistent',
        remotePath: '/stats',
        knownHostsPath: '/nonexistent',
      }),
    ];
    fs.mkdirSync(path.join(dir, 'a'));
    fs.mkdirSync(path.join(dir, 'b'));
    const m = manager(new ObservedSink(importerFor(db))).configure(configs);
    expect(m.status().map((s) => [s.name, s.type, s.serverId, s.target, s.state])).to.deep.equal([
      [`local:${path.join(dir, 'a')}`, 'local', 'default', path.join(dir, 'a'), 'stopped'],
      ['second', 'local', 'gs2', path.join(dir, 'b'), 'stopped'],
      ['sftp:etbot@127.0.0.1:2222/stats', 'sftp', 'default', 'etbot@127.0.0.1:2222/stats', 'stopped'],
    ]);
    await m.start();
    try {
      expect(
        m
          .status()
          .slice(0, 2)
          .map((s) => s.state),
      ).to.deep.equal(['running', 'running']);
      expect(fs.existsSync(path.join(dir, 'data', 'staging', 'sftp_etbot_127.0.0.1_2222_stats'))).to.equal(true);
    } finally {
      await m.stop();
    }
    expect(m.status().map((s) => s.state)).to.deep.equal(['stopped', 'stopped', 'stopped']);
  });

  it('refuses two collectors with the same name', () => {
    const cfg = collectorSchema.parse({ type: 'local', name: 'same', path: dir });
    expect(() => manager(importerFor(db)).configure([cfg, cfg])).to.throw("two collectors are named 'same'");
  });

  it('keeps the others running when one cannot start', async () => {
    fs.mkdirSync(path.join(dir, 'ok'));
    const m = manager(new ObservedSink(importerFor(db))).configure([
      collectorSchema.parse({ type: 'local', name: 'missing', path: path.join(dir, 'missing') }),
      collectorSchema.parse({ type: 'local', name: 'ok', path: path.join(dir, 'ok') }),
    ]);
    await m.start();
    try {
      const [missing, ok] = m.status();
      expect(missing).to.include({ state: 'stopped', consecutiveFailures: 1 });
      expect(missing!.lastError).to.include(path.join(dir, 'missing'));
      expect(ok).to.include({ state: 'running' });
    } finally {
      await m.stop();
    }
  });

  it('stop() waits for the import in flight, and reports the queue meanwhile', async () => {
    const watched = path.join(dir, 'watched');
    fs.mkdirSync(watched);
    const real = importerFor(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered = false;
    let finished = false;
    const gated: FileSink = {
      async importFile(file, opts) {
        entered = true;
        await gate;
        const outcome = await real.importFile(file, opts);
        finished = true;
        return outcome;
      },
      recordRejected: (name, reason, opts) => real.recordRejected(name, reason, opts),
    };
    const m = manager(gated).configure([collectorSchema.parse({ type: 'local', name: 'w', path: watched, settleMs: 100 })]);
    await m.start();
    const name = roundFileName(1);
    fs.writeFileSync(path.join(watched, name), roundFileText({ players: 3, tag: 'gate' }));
    await waitFor('the import to begin', () => entered);
    expect(m.status()[0]).to.include({ queueDepth: 1, filesFetched: 0 });
    let stopped = false;
    const stopping = m.stop().then(() => (stopped = true));
    await waitFor('the collector to be stopping', () => m.status()[0]!.state === 'stopping');
    expect(stopped).to.equal(false);
    release();
    await stopping;
    expect(finished).to.equal(true);
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 3 });
    expect(m.status()[0]).to.include({ state: 'stopped', filesFetched: 1, queueDepth: 0 });
  });

  describe('as the collectors core module', () => {
    let app: App | undefined;
    afterEach(async () => {
      await app?.stop();
      app = undefined;
    });

    async function start(mode: AppMode, watched: string): Promise<App> {
      app = await startTestApp({
        plugins: [],
        mode,
        env: { DATABASE_URL: tdb.url },
        modules: [databaseModule(), collectorsModule()],
        overrides: { dataDir: path.join(dir, 'data'), collectors: [{ type: 'local', name: 'gs', serverId: 'gs1', path: watched, settleMs: 100 }] },
      });
      return app;
    }

    it("runs the collectors in 'start' mode: a file written becomes a round and round.imported", async () => {
      const watched = path.join(dir, 'watched');
      fs.mkdirSync(watched);
      const a = await start('start', watched);
      const imported: string[] = [];
      a.events.on('round.imported', (e) => void imported.push(`${e.serverId}/${e.file}`));
      const m = a.container.resolve<CollectorManager>(CollectorServices.Manager.id);
      expect(m.status()[0]).to.include({ name: 'gs', state: 'running' });
      const name = roundFileName(2);
      fs.writeFileSync(path.join(watched, name), roundFileText({ players: 2, tag: 'app' }));
      await waitFor('round.imported', () => imported.length === 1);
      expect(imported).to.deep.equal([`gs1/${name}`]);
      expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 2 });
    });

    it('registers the manager but runs nothing in other modes', async () => {
      const watched = path.join(dir, 'watched');
      fs.mkdirSync(watched);
      fs.writeFileSync(path.join(watched, roundFileName(3)), roundFileText({ players: 2, tag: 'idle' }));
      const a = await start('cli', watched);
      const m = a.container.resolve<CollectorManager>(CollectorServices.Manager.id);
      expect(m.status()[0]).to.include({ name: 'gs', state: 'stopped', filesFetched: 0 });
      expect(m.isRunning).to.equal(false);
    });
  });
});
