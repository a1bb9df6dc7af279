import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../core/data';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { Importer, type ImportOutcome } from '../../core/ingest/importer';
import { replaceNulBytes } from '../../core/ingest/nul-bytes';
import { parseStatsFile } from '../../core/parsing';
import { generateFixtures } from '../../core/parsing/generator';
import { Rng } from '../../core/parsing/generator/rng';
import { createTestDatabase, type TestDatabaseKind } from '../support/databases';
import { mutate } from './mutate';

const REAL_STATS = '/work/shared/real-stats';
/** 10,000 by default on SQLite (a tenth of it on PostgreSQL); FUZZ_FILES raises it. */
const FUZZ_FILES = Number(process.env.FUZZ_FILES ?? 10_000);

interface Seed {
  name: string;
  content: Buffer;
}

/** Generated files, plus (read in place, never copied) a sample of the real ones when present. */
function seeds(): Seed[] {
  const out: Seed[] = generateFixtures({ seed: 23, sessions: 2 }).files.map((f) => ({ name: f.name, content: Buffer.from(f.content) }));
  if (fs.existsSync(REAL_STATS)) {
    const real = fs
      .readdirSync(REAL_STATS)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .slice(0, 40);
    for (const name of real) out.push({ name, content: fs.readFileSync(path.join(REAL_STATS, name)) });
  } else {
    console.log(`      (notice: ${REAL_STATS} not found: mutating generated files only)`);
  }
  return out;
}

interface Mutant {
  name: string;
  serverId: string;
  content: Buffer;
}

/** Batch g is one whole copy of the seed files, each damaged once, on its own server `fuzz-g`. */
function mutants(count: number, rngSeed: number): Mutant[] {
  const rng = new Rng(rngSeed);
  const base = seeds();
  const out: Mutant[] = [];
  for (let g = 0; out.length < count; g++) {
    for (const s of base) {
      if (out.length >= count) break;
      out.push({ name: s.name, serverId: `fuzz-${g}`, content: mutate(rng, s.content) });
    }
  }
  return out;
}

for (const [kind, share] of [
  ['sqlite', 1],
  ['postgres', 0.1],
] as [TestDatabaseKind, number][]) {
  describe(`reliability: damaged files through the whole import path [${kind}]`, function () {
    this.timeout(600_000);
    const count = Math.round(FUZZ_FILES * share);
    let fuzzDb: Awaited<ReturnType<typeof createTestDatabase>>;
    let goodDb: Awaited<ReturnType<typeof createTestDatabase>>;
    before(async () => {
      fuzzDb = await createTestDatabase(kind);
      goodDb = await createTestDatabase(kind);
    });
    after(async () => {
      await fuzzDb?.destroy();
      await goodDb?.destroy();
    });

    it(`${count} damaged files: no crash, no partial rows, every rejection recorded with a reason, the good ones imported as if alone`, async () => {
      const files = mutants(count, kind === 'sqlite' ? 1 : 2);
      const database = await fuzzDb.open();
      const importer = new Importer(database);
      const good: Mutant[] = [];
      const expectedRows = new Map<string, { players: number; weapons: number }>();
      let rejected = 0;
      for (const f of files) {
        // The importer turns NUL bytes into U+FFFD before parsing (PostgreSQL text cannot hold them).
        const parsed = parseStatsFile(f.name, replaceNulBytes(f.content));
        let outcome: ImportOutcome;
        try {
          outcome = await importer.importContent(f.name, f.content, { source: 'fuzz', serverId: f.serverId });
        } catch (err) {
          throw new Error(`${f.serverId}/${f.name} crashed the import: ${(err as Error).message}`, { cause: err });
        }
        if (!parsed.ok) {
          rejected++;
          expect(outcome.status, `${f.serverId}/${f.name}`).to.equal('rejected');
          expect(outcome.reason).to.equal(parsed.reason);
          continue;
        }
        expect(outcome.status, `${f.serverId}/${f.name}: ${outcome.reason ?? ''}`).to.be.oneOf(['imported', 'duplicate']);
        good.push(f);
        const guids = new Set(parsed.round.players.map((p) => p.guid));
        const weapons = new Set(parsed.round.players.flatMap((p) => p.weapons.map((w) => `${p.guid}/${w.weapon}`)));
        expectedRows.set(`${f.serverId}/${f.name}`, { players: guids.size, weapons: weapons.size });
      }
      expect(rejected, 'some files were rejected').to.be.greaterThan(count / 10);
      expect(good.length, 'some files were good').to.be.greaterThan(count / 10);

      await checkRows(database, expectedRows);

      // The good files alone, in the same order, on a fresh database: the same export.
      const alone = await goodDb.open();
      const goodImporter = new Importer(alone);
      for (const f of good) await goodImporter.importContent(f.name, f.content, { source: 'fuzz', serverId: f.serverId });
      expect(await exportRounds(database)).to.deep.equal(await exportRounds(alone));
      expect(await exportSessions(database)).to.deep.equal(await exportSessions(alone));
      expect(await exportPlayers(database)).to.deep.equal(await exportPlayers(alone));
    });
  });
}

/** Rejected files own no rows and carry a reason; each imported file's rows are exactly what its parse holds. */
async function checkRows(database: Database, expected: Map<string, { players: number; weapons: number }>): Promise<void> {
  const files = await database.read((sql) =>
    sql.all(
      `SELECT f.server_id, f.name, f.status, f.reason,
              (SELECT COUNT(*) FROM rounds r WHERE r.file_id = f.id) AS rounds,
              (SELECT COUNT(*) FROM player_rounds p JOIN rounds r ON r.id = p.round_id WHERE r.file_id = f.id) AS players,
              (SELECT COUNT(*) FROM weapon_rounds w JOIN rounds r ON r.id = w.round_id WHERE r.file_id = f.id) AS weapons
         FROM stats_files f`,
    ),
  );
  for (const f of files) {
    const key = `${String(f.server_id)}/${String(f.name)}`;
    if (f.status === 'rejected') {
      expect(String(f.reason ?? ''), `${key}: reason`).to.not.equal('');
      expect(Number(f.rounds) + Number(f.players) + Number(f.weapons), `${key}: rows of a rejected file`).to.equal(0);
    } else if (f.status === 'imported') {
      expect(Number(f.rounds), key).to.equal(1);
      expect({ players: Number(f.players), weapons: Number(f.weapons) }, key).to.deep.equal(expected.get(key));
    } else {
      expect(f.status, key).to.equal('duplicate');
      expect(Number(f.rounds), key).to.equal(0);
    }
  }
}
