import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { generateFixtures } from '../../core/parsing/generator';
import { createTestDatabase } from '../support/databases';
import { runCli } from '../support/run-cli';
import { rowCounts } from './row-counts';

/** A working folder of its own for one etbot process (its config and data folder). */
function workdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-two-'));
  fs.writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'help' }] }));
  fs.writeFileSync(path.join(dir, 'etbot.config.json'), JSON.stringify({ dataDir: path.join(dir, 'data') }));
  return dir;
}

describe('reliability: two real etbot processes import one folder into one PostgreSQL', function () {
  this.timeout(240_000);
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    test = await createTestDatabase('postgres');
    await (await test.open()).close(); // migrations once, before the race
  });
  after(async () => test.destroy());

  it('`etbot import DIR` twice at once: each file imported once (stats_files and row counts), export equals the truth', async () => {
    const generated = generateFixtures({ seed: 17, sessions: 4 });
    const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-two-inbox-'));
    for (const f of generated.files) fs.writeFileSync(path.join(inbox, f.name), f.content);
    const run = () => runCli(['import', inbox, '--json'], { cwd: workdir(), env: { DATABASE_URL: test.url }, timeoutMs: 180_000 });
    const [a, b] = await Promise.all([run(), run()]);
    fs.rmSync(inbox, { recursive: true, force: true });
    expect(a.code, a.stderr).to.equal(0);
    expect(b.code, b.stderr).to.equal(0);
    const sa = JSON.parse(a.stdout) as { imported: number; unchanged: number; rejected: unknown[] };
    const sb = JSON.parse(b.stdout) as typeof sa;
    const files = generated.files.length;
    // Each file: imported by one process, found unchanged by the other.
    expect(sa.imported + sb.imported).to.equal(files);
    expect(sa.unchanged + sb.unchanged).to.equal(files);
    expect([...sa.rejected, ...sb.rejected]).to.deep.equal([]);

    const database = await test.open();
    const statuses = await database.read((sql) => sql.all(`SELECT status, COUNT(*) AS n FROM stats_files GROUP BY status`));
    expect(statuses.map((r) => [r.status, Number(r.n)])).to.deep.equal([['imported', files]]);
    expect(await rowCounts(database)).to.deep.include({ stats_files: files, rounds: files });
    expect(await exportRounds(database)).to.deep.equal(generated.truth.rounds);
    expect(await exportSessions(database)).to.deep.equal(generated.truth.sessions);
    expect(await exportPlayers(database)).to.deep.equal(generated.truth.players);
  });
});
