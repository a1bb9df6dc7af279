import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../core/data/database';
import { num } from '../../core/data/sql';
import { importPaths } from '../../core/ingest/import-paths';
import { CRASHED_REASON } from '../../core/ingest/import-marker';
import { DEFAULT_IMPORT_SETTINGS, Importer } from '../../core/ingest/importer';
import { contentHash } from '../../core/parsing';
import { forEachDatabase } from '../support/databases';
import { roundFileName, roundFileText } from '../collectors/round-files';

const MIB = 1024 * 1024;

/** Issue 18: one file can neither take the process down, nor stop the other files, nor bloat the database. */
forEachDatabase('bounded work per file', (tdb) => {
  let db: Database;
  let dir: string;

  before(async () => {
    db = await tdb.open();
  });
  beforeEach(async () => {
    await tdb.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-bounded-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const row = (name: string) => db.read((sql) => sql.one('SELECT status, reason, size, content, warnings FROM stats_files WHERE name = ?', [name]));

  it('a valid header, one player line and 50,000,000 empty lines: rejected by size unread, the good file next to it imported', async () => {
    const huge = roundFileName(1);
    const fd = fs.openSync(path.join(dir, huge), 'w');
    fs.writeSync(fd, roundFileText({ players: 1, tag: 'huge' }));
    const newlines = Buffer.alloc(MIB, '\n');
    for (let i = 0; i < 50_000_000 / MIB; i++) fs.writeSync(fd, newlines);
    fs.closeSync(fd);
    const size = fs.statSync(path.join(dir, huge)).size;
    const good = roundFileName(2);
    fs.writeFileSync(path.join(dir, good), roundFileText({ players: 2, tag: 'good' }));

    const heapBefore = process.memoryUsage().heapUsed;
    const summary = await importPaths(new Importer(db), [dir], { source: 'test' });
    expect(process.memoryUsage().heapUsed - heapBefore, 'heap growth').to.be.lessThan(40 * MIB);
    expect(summary).to.include({ files: 2, imported: 1 });
    const reason = `file is ${size.toLocaleString('en-US')} bytes, over the limit of 4,194,304 bytes (import.maxFileBytes); it was not read`;
    expect(summary.rejected).to.deep.equal([{ file: huge, reason }]);
    const stored = await row(huge);
    expect([String(stored?.status), num(stored?.size), Buffer.byteLength(String(stored?.content))]).to.deep.equal(['rejected', size, 64 * 1024]);
    expect(String((await row(good))?.status)).to.equal('imported');
  });

  it('the limit is a setting (import.maxFileBytes) and every path checks it: importFile, importContent, importPaths', async () => {
    const importer = new Importer(db, { ...DEFAULT_IMPORT_SETTINGS, maxFileBytes: 2048 });
    const text = roundFileText({ players: 30, tag: 'limit' });
    const name = roundFileName(3);
    fs.writeFileSync(path.join(dir, name), text);
    const byFile = await importer.importFile(path.join(dir, name), { source: 'test' });
    expect(byFile.status).to.equal('rejected');
    expect(byFile.reason).to.contain('over the limit of 2,048 bytes');
    expect((await importer.importContent(roundFileName(4), text, { source: 'test' })).reason).to.contain('over the limit of 2,048 bytes');
    expect((await importPaths(importer, [path.join(dir, name)], { source: 'test' })).unchanged).to.equal(1);
  });

  it('a symbolic link named explicitly is rejected as "a symbolic link" and its target is neither read nor stored', async () => {
    const link = path.join(dir, roundFileName(5));
    fs.symlinkSync('/etc/passwd', link);
    const importer = new Importer(db);
    const summary = await importPaths(importer, [link], { source: 'cli' });
    expect(summary.rejected).to.have.length(1);
    expect(summary.rejected[0]!.reason).to.match(/^a symbolic link/);
    const stored = await row(roundFileName(5));
    expect([String(stored?.status), String(stored?.content), num(stored?.size)]).to.deep.equal(['rejected', '', 0]);
    expect((await importer.importFile(link, { source: 'test' })).reason).to.match(/^a symbolic link/);
    // A link inside a folder is not followed either.
    const inFolder = await importPaths(importer, [dir], { source: 'cli' });
    expect(inFolder).to.include({ files: 1, imported: 0 });
    const all = await db.read((sql) => sql.all('SELECT content FROM stats_files'));
    for (const r of all) expect(String(r.content)).to.not.contain('root:');
  });

  it('a 50 MB binary file is rejected unread, keeping only its first 64 KiB and its size', async () => {
    const name = roundFileName(6);
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.from('\x7fELF binary\n'));
    fs.truncateSync(file, 50 * MIB);
    const outcome = await new Importer(db).importFile(file, { source: 'test' });
    expect(outcome.status).to.equal('rejected');
    expect(outcome.reason).to.contain('file is 52,428,800 bytes, over the limit of 4,194,304 bytes');
    const stored = await row(name);
    expect(num(stored?.size)).to.equal(50 * MIB);
    expect(Buffer.byteLength(String(stored?.content))).to.be.at.most(64 * 1024 + 3);
  });

  it('a rejected file under the limit keeps only its first 64 KiB, says so, and a retry never imports the cut-off copy', async () => {
    const name = roundFileName(11);
    const file = path.join(dir, name);
    fs.writeFileSync(file, `not a header\n${'x'.repeat(MIB - 13)}`);
    const importer = new Importer(db);
    const outcome = await importer.importFile(file, { source: 'test' });
    expect(outcome.status).to.equal('rejected');
    expect(outcome.reason).to.contain('(the file is 1,048,576 bytes; only its first 65,536 bytes are kept)');
    const stored = await row(name);
    expect([num(stored?.size), Buffer.byteLength(String(stored?.content))]).to.deep.equal([MIB, 64 * 1024]);
    fs.rmSync(file);
    const [retried] = await importer.retryRejected();
    expect(retried!.status).to.equal('rejected');
    expect(retried!.reason).to.contain('were kept and it is no longer at');
  });

  it('130,000 empty lines: the first 20 warnings kept and shown with the total, the good file in the same folder imported', async () => {
    const noisy = roundFileName(7);
    fs.writeFileSync(path.join(dir, noisy), `${roundFileText({ players: 1, tag: 'noisy' }).trimEnd()}\n${'\n'.repeat(130_000)}`);
    const good = roundFileName(8);
    fs.writeFileSync(path.join(dir, good), roundFileText({ players: 2, tag: 'good' }));
    const summary = await importPaths(new Importer(db), [dir], { source: 'test' });
    expect(summary).to.include({ files: 2, imported: 2, warningCount: 130_000 });
    expect(summary.warnings).to.have.length(20);
    expect(summary.warnings[0]).to.deep.equal({ file: noisy, line: 3, reason: 'empty line' });
    expect(summary.moreWarnings).to.deep.equal([{ file: noisy, note: 'and 129,980 more' }]);
    const stored = JSON.parse(String((await row(noisy))?.warnings)) as unknown[];
    expect(stored).to.have.length(21);
    expect(stored[20]).to.deep.equal({ more: 129_980 });
    const again = await new Importer(db).importFile(path.join(dir, noisy), { source: 'test' });
    expect([again.status, again.warnings.length, again.warningCount]).to.deep.equal(['unchanged', 20, 130_000]);
  });

  describe('a file that made the process stop', () => {
    /** The id of a process that has exited. */
    function deadPid(): number {
      return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    }

    it('a marker left behind is recorded as rejected ("the previous run stopped while importing this file") and that content is skipped from then on', async () => {
      const markerDir = path.join(dir, 'data', 'importing');
      fs.mkdirSync(markerDir, { recursive: true });
      const name = roundFileName(9);
      const file = path.join(dir, 'inbox', name);
      fs.mkdirSync(path.dirname(file));
      const content = roundFileText({ players: 2, tag: 'crashed' });
      fs.writeFileSync(file, content);
      const marker = path.join(markerDir, `${deadPid()}-1.json`);
      fs.writeFileSync(marker, JSON.stringify({ name, serverId: 'default', source: 'gs1', hash: contentHash(content), size: content.length, path: file }));

      const importer = new Importer(db, { ...DEFAULT_IMPORT_SETTINGS, markerDir });
      const recorded = await importer.recordInterruptedImports();
      expect(recorded.map((o) => [o.file, o.status, o.reason])).to.deep.equal([[name, 'rejected', CRASHED_REASON]]);
      expect(fs.existsSync(marker)).to.equal(false);
      expect((await importer.recordInterruptedImports()).length, 'recorded once').to.equal(0);

      // Delivered again with the same content (a collector, etbot import): skipped, not parsed.
      expect((await importer.importFile(file, { source: 'gs1' })).status).to.equal('unchanged');
      const later = new Importer(db, { ...DEFAULT_IMPORT_SETTINGS, markerDir });
      const summary = await importPaths(later, [path.dirname(file)], { source: 'cli' });
      expect(summary).to.include({ imported: 0, unchanged: 1 });
      expect(String((await row(name))?.reason)).to.equal(CRASHED_REASON);
      expect(fs.readdirSync(markerDir), 'markers left by normal imports').to.deep.equal([]);

      // Fixed content is imported as usual.
      fs.writeFileSync(file, roundFileText({ players: 3, tag: 'fixed' }));
      expect((await later.importFile(file, { source: 'gs1' })).status).to.equal('replaced');
    });

    it('a marker of a process still running is left alone', async () => {
      const markerDir = path.join(dir, 'importing');
      fs.mkdirSync(markerDir);
      const marker = path.join(markerDir, `${process.ppid}-1.json`);
      fs.writeFileSync(marker, JSON.stringify({ name: roundFileName(10), serverId: 'default', source: 'x', hash: 'h', size: 1 }));
      expect(await new Importer(db, { ...DEFAULT_IMPORT_SETTINGS, markerDir }).recordInterruptedImports()).to.deep.equal([]);
      expect(fs.existsSync(marker)).to.equal(true);
    });
  });
});
