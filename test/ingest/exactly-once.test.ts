import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportRounds } from '../../core/export';
import { Importer, type ImportEventSink } from '../../core/ingest/importer';
import { importPaths } from '../../core/ingest/import-paths';
import type { EventMap, EventName } from '../../core/plugin-api/events';
import { forEachDatabase } from '../support/databases';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const R1 = '2025-11-07-204138-supply-round-1.txt';
const R2 = '2025-11-07-205036-supply-round-2.txt';
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Same content, another valid name: one second later, same map and round. */
const LATER_R1 = '2025-11-07-204139-supply-round-1.txt';
const EARLIER_R1 = '2025-11-07-204137-supply-round-1.txt';

class RecordingSink implements ImportEventSink {
  readonly events: { event: EventName; payload: unknown }[] = [];
  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.events.push({ event, payload });
  }
  of<E extends EventName>(event: E): EventMap[E][] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as EventMap[E]);
  }
}

forEachDatabase('importing exactly once', (db) => {
  let importer: Importer;
  let sink: RecordingSink;

  beforeEach(async () => {
    await db.reset();
    sink = new RecordingSink();
    importer = new Importer(await db.open(), undefined, sink);
  });

  const count = async (table: string, where = '1 = 1'): Promise<number> => {
    const database = await db.open();
    return database.read(async (sql) => Number((await sql.one(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))!.n));
  };

  it('records identical content under a later name as a duplicate of the first', async () => {
    const first = await importer.importContent(R1, fixture(R1), { source: 'test' });
    const copy = await importer.importContent(LATER_R1, fixture(R1), { source: 'test' });
    expect(first.status).to.equal('imported');
    expect(copy.status).to.equal('duplicate');
    expect(copy.duplicateOf).to.equal(R1);
    expect(copy.roundId).to.equal(first.roundId);
    expect(await count('rounds')).to.equal(1);
    expect(sink.of('file.duplicate')).to.deep.equal([{ file: LATER_R1, duplicateOf: R1, source: 'test' }]);
  });

  it('lets the earliest-named copy hold the import whatever order the copies arrive in', async () => {
    const later = await importer.importContent(LATER_R1, fixture(R1), { source: 'test' });
    const earlier = await importer.importContent(EARLIER_R1, fixture(R1), { source: 'test' });
    const middle = await importer.importContent(R1, fixture(R1), { source: 'test' });
    expect([later.status, earlier.status, middle.status]).to.deep.equal(['imported', 'imported', 'duplicate']);
    expect(middle.duplicateOf).to.equal(EARLIER_R1);
    expect(sink.of('file.duplicate')).to.deep.equal([
      { file: LATER_R1, duplicateOf: EARLIER_R1, source: 'test' }, // taken over
      { file: R1, duplicateOf: EARLIER_R1, source: 'test' },
    ]);
    expect(sink.of('round.imported').map((e) => e.file)).to.deep.equal([LATER_R1, EARLIER_R1]);
    const rounds = await exportRounds(await db.open());
    expect(rounds.map((r) => r.file)).to.deep.equal([EARLIER_R1]);
    expect(await count('stats_files', `status = 'duplicate'`)).to.equal(2);
    expect(await count('player_rounds')).to.equal(14); // the 14 lines of the file, once
  });

  it('treats CRLF content as the same content: unchanged under its own name, duplicate under another', async () => {
    const crlf = fixture(R1).replace(/\n/g, '\r\n');
    expect((await importer.importContent(R1, fixture(R1), { source: 'test' })).status).to.equal('imported');
    expect((await importer.importContent(R1, crlf, { source: 'test' })).status).to.equal('unchanged');
    const other = await importer.importContent(LATER_R1, crlf, { source: 'test' });
    expect(other.status).to.equal('duplicate');
    expect(await count('rounds')).to.equal(1);
  });

  it('replaces the earlier import when the same name comes with new content', async () => {
    await importer.importContent(R1, fixture(R1), { source: 'test' });
    // Line 2 (B70C1A74) damage given 2113 -> 2999 (the first TAB field).
    const changed = fixture(R1).replace('\t2113\t884\t', '\t2999\t884\t');
    const outcome = await importer.importContent(R1, changed, { source: 'test' });
    expect(outcome.status).to.equal('replaced');
    expect(await count('rounds')).to.equal(1);
    const database = await db.open();
    const row = await database.read((sql) => sql.one(`SELECT damage_given FROM player_rounds WHERE guid = ?`, ['B70C1A74']));
    expect(Number(row!.damage_given)).to.equal(2999);

    // A third version renames him: the name of the replaced content is no longer an alias.
    const renamed = changed.replace('B70C1A74\\^6Mr. ^7Pink\\', 'B70C1A74\\^6Mr. ^7Blue\\');
    expect(renamed).to.not.equal(changed);
    expect((await importer.importContent(R1, renamed, { source: 'test' })).status).to.equal('replaced');
    const aliases = await database.read((sql) => sql.all(`SELECT clean_name FROM player_aliases WHERE guid = ?`, ['B70C1A74']));
    expect(aliases).to.deep.equal([{ clean_name: 'Mr. Blue' }]);
    const player = await database.read((sql) => sql.one(`SELECT name FROM players WHERE guid = ?`, ['B70C1A74']));
    expect(player).to.deep.equal({ name: 'Mr. Blue' });
  });

  it('re-derives the R2 when its R1 is replaced, and promotes a duplicate when the holder changes', async () => {
    await importer.importContent(R1, fixture(R1), { source: 'test' });
    await importer.importContent(LATER_R1, fixture(R1), { source: 'test' }); // duplicate of R1
    const r2 = await importer.importContent(R2, fixture(R2), { source: 'test' });
    expect(r2.status).to.equal('imported');
    // R1's name now holds other content: the duplicate under LATER_R1 takes over the old content.
    const changed = fixture(R1).replace('\t2113\t884\t', '\t2999\t884\t');
    const replaced = await importer.importContent(R1, changed, { source: 'test' });
    expect(replaced.status).to.equal('replaced');
    const rounds = await exportRounds(await db.open());
    expect(rounds.map((r) => r.file)).to.deep.equal([R1, LATER_R1, R2]);
    // Both R1s are 9 min before R2 (20:41:38 and 20:41:39 vs 20:50:36): the nearer, LATER_R1, pairs.
    expect(rounds.find((r) => r.file === R2)!.pairedWith).to.equal(LATER_R1);
    expect(rounds.find((r) => r.file === R1)!.pairedWith).to.equal(null);
    expect(replaced.rederivedRoundIds).to.include(r2.roundId);
  });

  it('records a rejected file with a reason naming it, stores nothing of it, and imports it on retry once fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-retry-'));
    const file = path.join(dir, R1);
    // Header with 6 fields: the whole file is rejected.
    const [, ...rest] = fixture(R1).split('\n');
    fs.writeFileSync(file, ['bad\\supply\\x\\1\\1\\2', ...rest].join('\n'));
    const rejected = await importer.importFile(file, { source: 'test' });
    expect(rejected.status).to.equal('rejected');
    expect(rejected.reason).to.be.a('string').and.match(/field/);
    expect(sink.of('file.rejected')).to.deep.equal([{ file: R1, reason: rejected.reason!, source: 'test' }]);
    expect(await count('rounds')).to.equal(0);
    expect(await count('player_rounds')).to.equal(0);
    expect(await count('stats_files', `status = 'rejected'`)).to.equal(1);

    // Still broken: retrying changes nothing.
    expect((await importer.retryRejected()).map((o) => o.status)).to.deep.equal(['rejected']);
    fs.writeFileSync(file, fixture(R1));
    const retried = await importer.retryRejected();
    expect(retried.map((o) => o.status)).to.deep.equal(['replaced']);
    expect(await count('rounds')).to.equal(1);
    expect(await count('stats_files', `status = 'rejected'`)).to.equal(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports folders: only the files that count, ignored kinds skipped silently, a summary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-folder-'));
    fs.writeFileSync(path.join(dir, R1), fixture(R1));
    fs.writeFileSync(path.join(dir, R2), fixture(R2));
    fs.writeFileSync(path.join(dir, LATER_R1), fixture(R1).replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, '2025-11-07-204138-supply-round-1-endstats.txt'), 'whatever');
    fs.writeFileSync(path.join(dir, '2025-11-07-204138-supply-round-1_ws.txt'), 'whatever');
    fs.writeFileSync(path.join(dir, 'gametime-1.json'), '{}');
    fs.writeFileSync(path.join(dir, 'x_engagements.txt'), 'whatever');
    fs.writeFileSync(path.join(dir, '2025-13-07-204138-supply-round-1.txt'), fixture(R1)); // month 13
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', R1), fixture(R1));
    const progress: number[] = [];
    const summary = await importPaths(importer, [dir], { source: 'test', onProgress: (done) => progress.push(done) });
    expect(summary.files).to.equal(4);
    expect(progress).to.deep.equal([1, 2, 3, 4]);
    expect(summary.imported).to.equal(2);
    expect(summary.duplicates).to.deep.equal([{ file: LATER_R1, duplicateOf: R1 }]);
    expect(summary.rejected).to.have.length(1);
    expect(summary.rejected[0]!.file).to.equal('2025-13-07-204138-supply-round-1.txt');
    expect(summary.rejected[0]!.reason).to.match(/impossible date/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores names with quotes, %, _, punctuation and 36-byte colour codes exactly and finds them', async () => {
    const names = [
      `^1O'Ne"il^7 100%_x`, // quote, double quote, % and _
      '^1a^2b^3c^4d^5e^6f^7g^8h^9i^0j^ak^bl', // 36 bytes: 12 colour codes
      `'; DROP TABLE players; --`,
      '^^1%%__?/', // on the bot's line (line 5): its identity is OMNIBOT0 + the clean name
    ];
    const lines = fixture(R1).split('\n');
    // Lines 2..: GUID\name\rounds\team\... : swap in the names on lines 2 to 5.
    names.forEach((name, i) => {
      const parts = lines[i + 1]!.split('\\');
      parts[1] = name;
      lines[i + 1] = parts.join('\\');
    });
    expect(Buffer.byteLength(names[1]!)).to.equal(36);
    const outcome = await importer.importContent(R1, lines.join('\n'), { source: 'test' });
    expect(outcome.status).to.equal('imported');
    const database = await db.open();
    const expected = [`O'Ne"il 100%_x`, 'abcdefghijkl', `'; DROP TABLE players; --`, '^%%__?/'];
    for (const [i, clean] of expected.entries()) {
      const guid8 = lines[i + 1]!.slice(0, 8);
      const guid = guid8 === 'OMNIBOT0' ? `OMNIBOT0${clean}` : guid8;
      const found = await database.read((sql) => sql.all(`SELECT guid, raw_name FROM players WHERE name = ?`, [clean]));
      expect(found).to.deep.equal([{ guid, raw_name: names[i] }]);
      const alias = await database.read((sql) => sql.all(`SELECT guid FROM player_aliases WHERE clean_name = ? AND raw_name = ?`, [clean, names[i]!]));
      expect(alias).to.deep.equal([{ guid }]);
    }
    // A LIKE search must treat % and _ literally when escaped.
    const like = await database.read((sql) => sql.all(`SELECT name FROM players WHERE name_lower LIKE ? ESCAPE '!'`, ['%100!%!_x%']));
    expect(like).to.deep.equal([{ name: `O'Ne"il 100%_x` }]);
    expect(await count('players')).to.equal(14);
  });
});
