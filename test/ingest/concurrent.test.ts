import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import type { ImportSummary } from '../../core/ingest/import-paths';
import { generateFixtures } from '../../core/parsing/generator';
import { forEachDatabase } from '../support/databases';

const WORKER = path.join(__dirname, 'import-worker.js');

function runWorker(url: string, folder: string): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [WORKER, url, folder], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`worker failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout) as ImportSummary);
    });
  });
}

forEachDatabase('two importer processes on one folder', (db) => {
  it('land each file exactly once (PostgreSQL)', async function () {
    // Two processes on one SQLite file is not a supported deployment: PostgreSQL only.
    if (db.kind !== 'postgres') this.skip();
    await db.reset();
    await (await db.open()).close(); // migrations run once, before the race
    const generated = generateFixtures({ seed: 11, sessions: 6 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-race-'));
    for (const f of generated.files) fs.writeFileSync(path.join(dir, f.name), f.content);
    // Plus a CRLF copy of the first file under a later name: a duplicate, whoever gets it.
    const first = generated.files[0]!;
    const copyName = first.name.replace(/-(\d{6})-/, (_, t: string) => `-${String(Number(t) + 1).padStart(6, '0')}-`);
    fs.writeFileSync(path.join(dir, copyName), first.content.replace(/\n/g, '\r\n'));

    const [a, b] = await Promise.all([runWorker(db.url, dir), runWorker(db.url, dir)]);
    fs.rmSync(dir, { recursive: true, force: true });

    const files = generated.files.length;
    // Every file was imported by exactly one of the two; the other found it unchanged.
    expect(a.imported + b.imported + a.replaced + b.replaced).to.equal(files);
    expect(a.rejected.concat(b.rejected)).to.deep.equal([]);
    expect(a.duplicates.length + b.duplicates.length).to.equal(1);
    // The second process to see a file (the copy included) finds it already recorded.
    expect(a.unchanged + b.unchanged).to.equal(files + 1);

    const database = await db.open();
    const counts = await database.read(async (sql) => ({
      imported: Number((await sql.one(`SELECT COUNT(*) AS n FROM stats_files WHERE status = 'imported'`))!.n),
      rounds: Number((await sql.one(`SELECT COUNT(*) AS n FROM rounds`))!.n),
    }));
    expect(counts).to.deep.equal({ imported: files, rounds: files });
    expect(await exportRounds(database)).to.deep.equal(generated.truth.rounds);
    expect(await exportSessions(database)).to.deep.equal(generated.truth.sessions);
    expect(await exportPlayers(database)).to.deep.equal(generated.truth.players);
  });
});
