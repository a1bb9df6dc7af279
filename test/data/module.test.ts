import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { DataServices, databaseModule, openDatabase, redactUrl, resolveDatabaseTarget, type Database } from '../../core/data';
import type { Importer } from '../../core/ingest';
import type { EventMap } from '../../core/plugin-api/events';
import { forEachDatabase } from '../support/databases';
import { startTestApp } from '../support/test-app';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const R1 = '2025-11-07-204138-supply-round-1.txt';

forEachDatabase('the database module', (db) => {
  it('opens the database from DATABASE_URL, runs migrations at start, and its Importer emits on the app bus', async () => {
    await db.reset();
    const app = await startTestApp({ plugins: [], modules: [databaseModule()], env: { DATABASE_URL: db.url } });
    try {
      const database = app.container.resolve<Database>(DataServices.Database.id);
      expect(database.kind).to.equal(db.kind);
      expect(app.container.resolve(DataServices.DataSource.id)).to.equal(database.dataSource);
      const seen: EventMap['round.imported'][] = [];
      app.events.on('round.imported', (e) => {
        seen.push(e);
      });
      const importer = app.container.resolve<Importer>(DataServices.Importer.id);
      const outcome = await importer.importFile(path.join(FIXTURES, R1), { source: 'test' });
      expect(outcome.status).to.equal('imported');
      expect(seen).to.deep.equal([
        { roundId: outcome.roundId, file: R1, serverId: 'default', map: 'supply', round: 1, endedAt: '2025-11-07T20:41:38', rederivedRoundIds: [] },
      ]);
    } finally {
      await app.stop();
    }
  });
});

describe('database url', () => {
  it('chooses the engine from the URL, DATABASE_URL first, and defaults to <dataDir>/etbot.sqlite', async () => {
    expect(resolveDatabaseTarget({ dataDir: '/d' })).to.deep.equal({ kind: 'sqlite', path: path.resolve('/d/etbot.sqlite') });
    expect(resolveDatabaseTarget({ dataDir: '/d', url: 'sqlite::memory:' })).to.deep.equal({ kind: 'sqlite', path: ':memory:' });
    expect(resolveDatabaseTarget({ dataDir: '/d', url: 'sqlite:/x/y.db' })).to.deep.equal({ kind: 'sqlite', path: '/x/y.db' });
    expect(resolveDatabaseTarget({ dataDir: '/d', url: 'sqlite:/x/y.db', envUrl: 'postgres://u@127.0.0.1/db' })).to.deep.equal({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1/db',
    });
    const bad = (() => {
      try {
        resolveDatabaseTarget({ dataDir: '/d', url: 'mysql://u:secret@h/db' });
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    })();
    expect(bad)
      .to.match(/postgres:\/\/.*sqlite:/)
      .and.not.include('secret');
    expect(redactUrl('postgres://user:secret@127.0.0.1:5432/db')).to.equal('postgres://user:***@127.0.0.1:5432/db');
  });

  it('creates the data folder for the default SQLite file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-datadir-'));
    const database = await openDatabase({ dataDir: path.join(dir, 'nested', 'data') });
    try {
      expect(fs.existsSync(path.join(dir, 'nested', 'data', 'etbot.sqlite'))).to.equal(true);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
