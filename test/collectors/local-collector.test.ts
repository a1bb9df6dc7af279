import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FetchedRemoteFileStore } from '../../core/collectors/data/fetched-remote-file-store';
import { LocalFolderCollector, type LocalCollectorOptions } from '../../core/collectors/local/local-folder-collector';
import type { Database } from '../../core/data/database';
import { forEachDatabase } from '../support/databases';
import { capturingLogger, importerFor, ObservedSink, recordEvents, roundCount, sleep, waitFor } from './harness';
import { roundFileName, roundFileText } from './round-files';

forEachDatabase('local folder collector', (tdb) => {
  let db: Database;
  let dir: string;
  let sink: ObservedSink;
  let collectors: LocalFolderCollector[];

  before(async () => {
    db = await tdb.open();
  });
  beforeEach(async () => {
    await tdb.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-local-'));
    sink = new ObservedSink(importerFor(db));
    collectors = [];
  });
  afterEach(async () => {
    for (const c of collectors) await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function collector(overrides: Partial<LocalCollectorOptions> = {}): LocalFolderCollector {
    const c = new LocalFolderCollector(
      { name: 'local-gs1', serverId: 'gs1', path: dir, settleMs: 300, ...overrides },
      { sink, store: new FetchedRemoteFileStore(db), emit: recordEvents().emit, logger: capturingLogger().logger },
    );
    collectors.push(c);
    return c;
  }

  /** Writes a round file and waits until it has been handed over: everything seen before it has been handled too. */
  async function barrier(index: number): Promise<void> {
    const name = roundFileName(index, 'barrier');
    fs.writeFileSync(path.join(dir, name), roundFileText({ players: 1, map: 'barrier', tag: String(index) }));
    await waitFor(`barrier file ${name}`, () => sink.callsFor(name).length === 1);
  }

  it('imports what is already in the folder on start-up', async () => {
    const a = roundFileName(1);
    const b = roundFileName(2);
    fs.writeFileSync(path.join(dir, a), roundFileText({ players: 2, tag: 'a' }));
    fs.writeFileSync(path.join(dir, b), roundFileText({ players: 3, tag: 'b' }));
    const c = collector();
    await c.start();
    await waitFor('both files to be imported and recorded', () => c.status().filesFetched === 2);
    expect(sink.calls.map((x) => [x.name, x.status, x.serverId, x.source])).to.have.deep.members([
      [a, 'imported', 'gs1', 'local-gs1'],
      [b, 'imported', 'gs1', 'local-gs1'],
    ]);
    expect(await roundCount(db, a)).to.deep.equal({ rounds: 1, players: 2 });
    expect(await roundCount(db, b)).to.deep.equal({ rounds: 1, players: 3 });
    expect(c.status()).to.include({ type: 'local', state: 'running', filesFetched: 2, queueDepth: 0, lastError: null });
  });

  it('imports a new file exactly once', async () => {
    const c = collector();
    await c.start();
    const name = roundFileName(3);
    fs.writeFileSync(path.join(dir, name), roundFileText({ players: 4, tag: 'new' }));
    await waitFor('the file to be imported', () => sink.callsFor(name).length === 1);
    await barrier(50);
    await barrier(51);
    expect(sink.callsFor(name)).to.have.length(1);
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 4 });
  });

  it('waits for a growing file to be complete', async () => {
    const c = collector({ settleMs: 1000 });
    await c.start();
    const name = roundFileName(4);
    const full = roundFileText({ players: 10, tag: 'growing' });
    const lines = full.split(/(?<=\n)/);
    const file = path.join(dir, name);
    fs.writeFileSync(file, lines[0]!);
    // A line every 250 ms: always sooner than the settle time.
    for (const line of lines.slice(1)) {
      await sleep(250);
      expect(sink.callsFor(name), 'handed over while still growing').to.deep.equal([]);
      fs.appendFileSync(file, line);
    }
    await waitFor('the complete file to be imported', () => sink.callsFor(name).length === 1);
    expect(sink.callsFor(name)[0]!.content).to.equal(full);
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 10 });
  });

  it('after a restart imports nothing again, only what is new', async () => {
    const a = roundFileName(5);
    fs.writeFileSync(path.join(dir, a), roundFileText({ players: 2, tag: 'a' }));
    const first = collector();
    await first.start();
    await waitFor('the file to be imported', () => sink.callsFor(a).length === 1);
    await first.stop();
    const b = roundFileName(6);
    fs.writeFileSync(path.join(dir, b), roundFileText({ players: 2, tag: 'b' })); // arrives while stopped
    const second = collector();
    await second.start();
    await waitFor('the file written while stopped to be imported', () => sink.callsFor(b).length === 1);
    await barrier(52);
    expect(sink.calls.map((x) => x.name)).to.deep.equal([a, b, roundFileName(52, 'barrier')]);
  });

  it('imports a changed file again', async () => {
    const name = roundFileName(7);
    fs.writeFileSync(path.join(dir, name), roundFileText({ players: 2, tag: 'v1' }));
    const c = collector();
    await c.start();
    await waitFor('the first version', () => sink.callsFor(name).length === 1);
    fs.writeFileSync(path.join(dir, name), roundFileText({ players: 6, tag: 'v2' }));
    await waitFor('the second version', () => sink.callsFor(name).length === 2);
    expect(sink.callsFor(name).map((x) => x.status)).to.deep.equal(['imported', 'replaced']);
    expect(sink.callsFor(name)[1]!.content).to.equal(roundFileText({ players: 6, tag: 'v2' }));
    expect(await roundCount(db, name)).to.deep.equal({ rounds: 1, players: 6 });
  });

  it('ignores the other kinds of files and sub-folders', async () => {
    const base = roundFileName(8).replace(/\.txt$/, '');
    const others = [`${base}-endstats.txt`, `${base}_ws.txt`, 'gametime-2025-10-25.json', '2025-10-25-100000_engagements.txt', 'notes.md'];
    for (const o of others) fs.writeFileSync(path.join(dir, o), 'not a round\n');
    fs.mkdirSync(path.join(dir, 'old'));
    fs.writeFileSync(path.join(dir, 'old', roundFileName(9)), roundFileText({ players: 2, tag: 'sub' }));
    const c = collector();
    await c.start();
    for (const o of others) fs.appendFileSync(path.join(dir, o), 'more\n');
    await barrier(53);
    expect(sink.calls.map((x) => x.name)).to.deep.equal([roundFileName(53, 'barrier')]);
  });

  it('hands a .txt with a bad round name to the importer, which rejects it (spec §9)', async () => {
    const c = collector();
    await c.start();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
    await waitFor('the file to be handed over', () => sink.callsFor('notes.txt').length === 1);
    expect(sink.callsFor('notes.txt')[0]!.status).to.equal('rejected');
  });

  it('can be stopped while it is still starting, leaving nothing running', async () => {
    fs.writeFileSync(path.join(dir, roundFileName(10)), roundFileText({ players: 2, tag: 'early' }));
    const c = collector();
    const starting = c.start();
    await c.stop();
    await starting;
    expect(c.status().state).to.equal('stopped');
    const again = collector();
    await again.start();
    await waitFor('the file to be imported by the next start', () => sink.callsFor(roundFileName(10)).length === 1);
  });

  it('fails to start on a folder that does not exist, saying which', async () => {
    const missing = path.join(dir, 'nope');
    const c = collector({ path: missing });
    let error: unknown;
    await c.start().catch((e: unknown) => (error = e));
    expect(String(error)).to.include(missing);
    expect(c.status()).to.include({ state: 'stopped', consecutiveFailures: 1 });
    expect(c.status().lastError).to.include(`cannot watch ${missing}`);
  });
});
