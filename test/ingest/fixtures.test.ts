import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { Importer } from '../../core/ingest/importer';
import { generateFixtures } from '../../core/parsing/generator';
import { forEachDatabase } from '../support/databases';
import { shuffled } from '../support/shuffle';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

forEachDatabase('generated fixtures', (db) => {
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8'));
  const orders: [string, () => string[]][] = [
    ['name order', () => fixtureFiles()],
    ['reversed', () => fixtureFiles().reverse()],
    ['shuffled (seed 1)', () => shuffled(fixtureFiles(), 1)],
    ['shuffled (seed 2)', () => shuffled(fixtureFiles(), 2)],
    ['shuffled (seed 3)', () => shuffled(fixtureFiles(), 3)],
  ];

  for (const [label, order] of orders) {
    it(`imported in ${label}, exports exactly truth.json`, async () => {
      await db.reset();
      const database = await db.open();
      const importer = new Importer(database);
      for (const file of order()) {
        const outcome = await importer.importFile(path.join(FIXTURES, file), { source: 'test' });
        expect(outcome.status, `${file}: ${outcome.reason ?? ''}`).to.equal('imported');
      }
      expect(await exportRounds(database)).to.deep.equal(truth.rounds);
      expect(await exportSessions(database)).to.deep.equal(truth.sessions);
      expect(await exportPlayers(database)).to.deep.equal(truth.players);
    });
  }

  it('imports generated evenings of every era on a server in Europe/Berlin across the DST change, shuffled', async () => {
    // Sessions cycle through the 37, 38, 36 and 33 field eras; 2025-10-26 03:00 local falls back to 02:00.
    const generated = generateFixtures({ seed: 5, sessions: 8, startDate: '2025-10-23', timezone: 'Europe/Berlin' });
    await db.reset();
    const database = await db.open();
    const importer = new Importer(database, { timezone: 'Europe/Berlin', pairingWindowMinutes: 45, sessionGapMinutes: 60 });
    for (const f of shuffled(generated.files, 9)) {
      const outcome = await importer.importContent(f.name, f.content, { source: 'test' });
      expect(outcome.status, `${f.name}: ${outcome.reason ?? ''}`).to.equal('imported');
    }
    expect(await exportRounds(database)).to.deep.equal(generated.truth.rounds);
    expect(await exportSessions(database)).to.deep.equal(generated.truth.sessions);
    expect(await exportPlayers(database)).to.deep.equal(generated.truth.players);
  });
});
