import { expect } from 'chai';
import type { Database } from '../../core/data';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { Importer, type ImportOutcome } from '../../core/ingest/importer';
import { generateFixtures } from '../../core/parsing/generator';
import type { EventMap, EventName } from '../../core/plugin-api/events';
import { forEachDatabase, type TestDatabase } from '../support/databases';
import { shuffled } from '../support/shuffle';
import { storedSnapshot } from '../support/stored-snapshot';

interface File {
  name: string;
  content: string;
}

const generated = generateFixtures({ seed: 4242, sessions: 6 });

/**
 * Everything a folder can hold at once: rounds in any order, the same content again under a
 * later name (CRLF), a name delivered twice with different content, an R2 without its R1 and a
 * file that is not a stats file.
 */
function awkwardFolder(): File[] {
  const files: File[] = generated.files.map((f) => ({ name: f.name, content: f.content }));
  const copy = files[3]!;
  files.push({
    name: copy.name.replace(/-(\d{6})-/, (_, t: string) => `-${String(Number(t) + 1).padStart(6, '0')}-`),
    content: copy.content.replace(/\n/g, '\r\n'),
  });
  const replaced = files[10]!;
  files.push({ name: replaced.name, content: files[12]!.content.replace(/^[^\n]*/, (header) => header) });
  files.push({ name: '2025-01-01-120000-broken-round-1.txt', content: 'not a stats file\n' });
  const lonelyR2 = files.find((f) => f.name.includes('round-2'))!;
  files.push({ name: lonelyR2.name.replace(/^\d{4}/, '2019'), content: lonelyR2.content });
  return files;
}

async function everything(database: Database): Promise<unknown> {
  const files = await database.read((sql) =>
    sql.all(
      `SELECT f.name, f.status, f.reason, f.content_hash, d.name AS duplicate_of FROM stats_files f LEFT JOIN stats_files d ON d.id = f.duplicate_of_id ORDER BY ${sql.bytewise('f.name')}`,
    ),
  );
  return {
    files,
    stored: await storedSnapshot(database),
    players: await exportPlayers(database),
    rounds: await exportRounds(database),
    sessions: await exportSessions(database),
  };
}

forEachDatabase('batch import (importMany)', (db: TestDatabase) => {
  const folder = awkwardFolder();
  const order = shuffled(folder, 17);

  async function oneAtATime(files: readonly File[]): Promise<{ state: unknown; outcomes: ImportOutcome[] }> {
    await db.reset();
    const database = await db.open();
    const importer = new Importer(database);
    const outcomes: ImportOutcome[] = [];
    for (const f of files) outcomes.push(await importer.importContent(f.name, f.content, { source: 'test' }));
    return { state: await everything(database), outcomes };
  }

  async function inBatches(files: readonly File[], maxFiles: number): Promise<{ state: unknown; outcomes: ImportOutcome[] }> {
    await db.reset();
    const database = await db.open();
    const importer = new Importer(database);
    const outcomes = await importer.importMany(
      files.map((f) => ({ name: f.name, content: f.content })),
      { source: 'test', maxFiles },
    );
    return { state: await everything(database), outcomes };
  }

  const statuses = (outcomes: ImportOutcome[]) => outcomes.map((o) => [o.file, o.status, o.duplicateOf ?? null, o.reason ?? null]);

  it('stores exactly what importing the files one at a time stores, in name order and shuffled, whatever the batch size', async () => {
    const byName = [...folder].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const files of [byName, order]) {
      const single = await oneAtATime(files);
      for (const maxFiles of [1, 7, 1000]) {
        const batched = await inBatches(files, maxFiles);
        expect(batched.state, `batches of ${maxFiles}`).to.deep.equal(single.state);
        expect(statuses(batched.outcomes), `outcomes, batches of ${maxFiles}`).to.deep.equal(statuses(single.outcomes));
      }
    }
  });

  it('equals the generator truth for the plain folder, in one batch', async () => {
    await db.reset();
    const database = await db.open();
    const outcomes = await new Importer(database).importMany(
      shuffled(generated.files, 5).map((f) => ({ name: f.name, content: f.content })),
      { source: 'test' },
    );
    expect(outcomes.every((o) => o.status === 'imported')).to.equal(true);
    expect(await exportPlayers(database)).to.deep.equal(generated.truth.players);
    expect(await exportRounds(database)).to.deep.equal(generated.truth.rounds);
    expect(await exportSessions(database)).to.deep.equal(generated.truth.sessions);
  });

  it('emits each file event once, after its batch committed, with the re-derived rounds once per batch', async () => {
    await db.reset();
    const database = await db.open();
    const seen: EventMap['round.imported'][] = [];
    const visible: boolean[] = [];
    const sink = {
      async emit<E extends EventName>(event: E, payload: EventMap[E]): Promise<void> {
        if (event !== 'round.imported') return;
        const p = payload as EventMap['round.imported'];
        seen.push(structuredClone(p));
        visible.push(await database.read(async (sql) => (await sql.one(`SELECT id FROM rounds WHERE id = ?`, [p.roundId])) !== undefined));
      },
    };
    // R2s first, then their R1s: an R1 re-derives its R2 when that R2 was stored by an earlier batch.
    const isR2 = (name: string) => name.includes('round-2');
    const r2First = [...generated.files].sort((a, b) => Number(isR2(b.name)) - Number(isR2(a.name)) || (a.name < b.name ? -1 : 1));
    const size = 5;
    const outcomes = await new Importer(database, undefined, sink).importMany(
      r2First.map((f) => ({ name: f.name, content: f.content })),
      { source: 'test', maxFiles: size, maxMs: 1e9 },
    );
    expect(seen.map((p) => p.file)).to.deep.equal(outcomes.map((o) => o.file));
    expect(visible.every(Boolean)).to.equal(true);
    const fileOfRound = new Map(seen.map((p) => [p.roundId, p.file]));
    expect(fileOfRound.size).to.equal(generated.files.length);
    const batchOf = new Map(r2First.map((f, i) => [f.name, Math.floor(i / size)]));
    const expected = generated.truth.rounds
      .filter((r) => r.round === 2 && r.pairedWith !== null && batchOf.get(r.pairedWith)! > batchOf.get(r.file)!)
      .map((r) => r.file)
      .sort();
    expect(expected.length).to.be.greaterThan(0);
    const rederived = seen.flatMap((p) => p.rederivedRoundIds).map((id) => fileOfRound.get(id)!);
    expect([...rederived].sort()).to.deep.equal(expected);
    expect(await exportRounds(database)).to.deep.equal(generated.truth.rounds);
  });

  it('a file that fails in a batch fails alone: its batch is redone file by file and every other file lands', async () => {
    await db.reset();
    const database = await db.open();
    const files = [...generated.files].sort((a, b) => (a.name < b.name ? -1 : 1)).slice(0, 12);
    const victim = files[6]!;
    const guid = victim.content.trimEnd().split('\n')[1]!.slice(0, 8);
    await database.transaction(async (sql) => {
      if (sql.kind === 'sqlite') {
        await sql.run(`CREATE TRIGGER fail_weapon BEFORE INSERT ON weapon_rounds WHEN NEW.guid = '${guid}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
      } else {
        await sql.run(`CREATE OR REPLACE FUNCTION fail_weapon() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
        await sql.run(`CREATE TRIGGER fail_weapon BEFORE INSERT ON weapon_rounds FOR EACH ROW WHEN (NEW.guid = '${guid}') EXECUTE FUNCTION fail_weapon()`);
      }
    });
    const done: string[] = [];
    let error: Error | undefined;
    try {
      await new Importer(database).importMany(
        files.map((f) => ({ name: f.name, content: f.content })),
        { source: 'test', onOutcome: (o) => void done.push(o.file) },
      );
    } catch (err) {
      error = err as Error;
    }
    // The first file with that player fails, named; the files before it are stored, nothing of it is.
    expect(error?.message).to.match(/injected failure/);
    const failed = error!.message.match(/import of (\S+) failed/)![1]!;
    expect(files.map((f) => f.name)).to.include(failed);
    const stored = await database.read((sql) => sql.all(`SELECT name FROM stats_files ORDER BY ${sql.bytewise('name')}`));
    const before = files
      .slice(
        0,
        files.findIndex((f) => f.name === failed),
      )
      .map((f) => f.name);
    expect(stored.map((r) => String(r.name))).to.deep.equal(before);
    expect(done).to.deep.equal(before);
    const orphanRows = await database.read((sql) =>
      sql.one(`SELECT COUNT(*) AS n FROM player_rounds p LEFT JOIN rounds r ON r.id = p.round_id WHERE r.id IS NULL`),
    );
    expect(Number(orphanRows!.n)).to.equal(0);

    // Once the cause is gone, the rest imports and the result is the same as a clean run.
    await database.transaction((sql) => sql.run(sql.kind === 'sqlite' ? `DROP TRIGGER fail_weapon` : `DROP TRIGGER fail_weapon ON weapon_rounds`));
    await new Importer(database).importMany(
      files.map((f) => ({ name: f.name, content: f.content })),
      { source: 'test' },
    );
    const after = await everything(database);
    const clean = await oneAtATime(files);
    expect(after).to.deep.equal(clean.state);
  });
});
