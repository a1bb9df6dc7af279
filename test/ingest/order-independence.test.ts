import { expect } from 'chai';
import fc from 'fast-check';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { Importer } from '../../core/ingest/importer';
import { generateFixtures } from '../../core/parsing/generator';
import { forEachDatabase, type TestDatabase } from '../support/databases';

interface File {
  name: string;
  content: string;
}

/** Same content one second later in the name (a re-delivery under another name), CRLF or not. */
function copyOf(f: File, crlf: boolean): File {
  const name = f.name.replace(/-(\d{6})-/, (_, t: string) => `-${String(Number(t) + 1).padStart(6, '0')}-`);
  return { name, content: crlf ? f.content.replace(/\n/g, '\r\n') : f.content };
}

async function importAll(db: TestDatabase, files: readonly File[]): Promise<unknown> {
  await db.reset();
  const database = await db.open();
  const importer = new Importer(database);
  for (const f of files) await importer.importContent(f.name, f.content, { source: 'test' });
  return { rounds: await exportRounds(database), sessions: await exportSessions(database), players: await exportPlayers(database) };
}

forEachDatabase('order independence (property)', (db) => {
  const all: File[] = generateFixtures({ seed: 77, sessions: 3 }).files;

  it('any subset of the files, with re-delivered copies, exports the same in any two orders', async () => {
    const runs = db.kind === 'sqlite' ? 12 : 5;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(
          all.map((_, i) => i),
          { minLength: 1 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (indexes, copies, random) => {
          const chosen = indexes.map((i) => all[i]!);
          const files = [...chosen, ...copies.map(([i, crlf]) => copyOf(chosen[i % chosen.length]!, crlf))];
          const shuffled = [...files];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.floor(random.next().value * (i + 1)) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.content.length - b.content.length));
          expect(await importAll(db, shuffled)).to.deep.equal(await importAll(db, byName));
        },
      ),
      { numRuns: runs, seed: 20251125 },
    );
  });
});
