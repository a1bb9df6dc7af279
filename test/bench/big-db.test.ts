import { expect } from 'chai';
import type { Database } from '../../core/data';
import { num } from '../../core/data/sql';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { Importer } from '../../core/ingest/importer';
import { writeBigDatabases } from '../../bench/big-db/build';
import { allRoundFiles, roundFileChunks } from '../../bench/big-db/source-files';
import { createTestDatabase, type TestDatabaseKind } from '../support/databases';
import { storedSnapshot as snapshot } from '../support/stored-snapshot';

const SOURCE = { rounds: 200, seed: 3, chunkSessions: 8 };

for (const kind of ['sqlite', 'postgres'] as TestDatabaseKind[]) {
  describe(`bench big database: bulk rows equal the importer's [${kind}]`, function () {
    this.timeout(300_000);
    let bulk: Database;
    let imported: Database;
    const cleanups: (() => Promise<void>)[] = [];

    before(async () => {
      const bulkTarget = await createTestDatabase(kind);
      const importTarget = await createTestDatabase(kind);
      cleanups.push(
        () => bulkTarget.destroy(),
        () => importTarget.destroy(),
      );
      await writeBigDatabases(
        roundFileChunks(SOURCE),
        kind === 'sqlite' ? { sqlitePath: bulkTarget.url.replace(/^sqlite:/, '') } : { postgresUrl: bulkTarget.url },
      );
      bulk = await bulkTarget.open();
      imported = await importTarget.open();
      const importer = new Importer(imported);
      const files = allRoundFiles(SOURCE).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const f of files) {
        const outcome = await importer.importContent(f.name, f.content, { source: 'bench' });
        expect(outcome.status, f.name).to.equal('imported');
      }
    });

    after(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it('holds the 200 rounds asked for, in several sessions and chunks', async () => {
      const n = await bulk.read(async (sql) => num((await sql.one('SELECT COUNT(*) AS n FROM rounds'))!.n));
      expect(n).to.equal(200);
      expect((await exportSessions(bulk)).length).to.be.greaterThan(16);
    });

    it('exports the same players, rounds and sessions', async () => {
      expect(await exportPlayers(bulk)).to.deep.equal(await exportPlayers(imported));
      expect(await exportRounds(bulk)).to.deep.equal(await exportRounds(imported));
      expect(await exportSessions(bulk)).to.deep.equal(await exportSessions(imported));
    });

    it('stores the same players, aliases, matches, teams and per-round rows', async () => {
      const [a, b] = [await snapshot(bulk), await snapshot(imported)];
      for (const table of Object.keys(b)) {
        expect((b[table] as unknown[]).length, table).to.be.greaterThan(0);
        expect(a[table], table).to.deep.equal(b[table]);
      }
    });

    it('leaves the id sequences ready for the next import', async () => {
      const file = allRoundFiles({ rounds: 1, seed: 99 })[0]!;
      const outcome = await new Importer(bulk).importContent(file.name, file.content, { source: 'bench' });
      expect(outcome.status).to.equal('imported');
    });
  });
}
