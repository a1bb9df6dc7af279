import { expect } from 'chai';
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { num } from 'etbot/plugin-api';
import { createTestBot, forEachDatabase, ManualClock, memoryLogger, type TestBot } from 'etbot/testing';
import { tempDir } from './admins';

/** fixtures/README.md: 9 + 11 valid round files. */
const FIXTURE_FILES = 20;
const DAY = 24 * 60 * 60_000;

/** What a run of `admin:db-maintenance` logged: `{ steps, removed }`. */
interface MaintenanceLine {
  steps: string[];
  removed: number;
}

forEachDatabase('database maintenance (the admin:db-maintenance job)', (db) => {
  let bot: TestBot | undefined;
  let clock: ManualClock;
  let logs: () => string;

  /** A bot with the fixtures imported, keeping 2 backups in `dataDir`, its clock at `start`. */
  async function start(dataDir: string, start: Date): Promise<TestBot> {
    await db.reset();
    clock = new ManualClock(start);
    const logger = memoryLogger('info');
    logs = logger.lines;
    bot = await createTestBot({
      plugins: [{ id: 'admin', options: { keepBackups: 2 } }],
      database: db.url,
      config: { dataDir },
      clock,
      logger: logger.logger,
    });
    return bot;
  }
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  /** Runs the job now and returns what it reported. */
  async function maintain(): Promise<MaintenanceLine> {
    const before = maintenanceLines().length;
    await bot!.runJob('admin', 'db-maintenance');
    const lines = maintenanceLines();
    expect(lines, 'one report per run').to.have.length(before + 1);
    return lines[lines.length - 1]!;
  }
  const maintenanceLines = (): MaintenanceLine[] =>
    logs()
      .split('\n')
      .filter((l) => l.includes('"msg":"database maintenance done'))
      .map((l) => JSON.parse(l) as MaintenanceLine);
  const count = (table: string) => bot!.db.read(async (sql) => num((await sql.one(`SELECT COUNT(*) AS n FROM ${table}`))!.n));

  if (db.kind === 'sqlite') {
    it('backs the SQLite file up into <dataDir>/backups: the copy opens and has the same rows', async () => {
      const dataDir = tempDir('maint');
      await start(dataDir, new Date(Date.UTC(2025, 5, 1, 3, 0, 0)));
      const report = await maintain();
      const backupFile = path.join(dataDir, 'backups', 'etbot-20250601T030000Z.sqlite');
      expect(report.steps[0]).to.equal('PRAGMA optimize');
      expect(report.steps[1]).to.equal(`backup ${backupFile}`);
      expect(fs.existsSync(backupFile)).to.equal(true);

      const copy = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).to.equal('ok');
        const tables = (
          copy.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
        ).map((t) => t.name);
        expect(tables).to.include.members(['stats_files', 'rounds', 'player_rounds', 'etbot_migrations']);
        for (const table of tables) {
          const live = await count(table);
          const backed = (copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
          expect(backed, table).to.equal(live);
        }
        expect((copy.prepare(`SELECT COUNT(*) AS n FROM stats_files WHERE status = 'imported'`).get() as { n: number }).n).to.equal(FIXTURE_FILES);
        expect((copy.prepare(`SELECT COUNT(*) AS n FROM rounds`).get() as { n: number }).n).to.equal(FIXTURE_FILES);
      } finally {
        copy.close();
      }
    });

    it('keeps only the newest N backups and never counts a partial one', async () => {
      const dataDir = tempDir('maint-retention');
      const backups = path.join(dataDir, 'backups');
      fs.mkdirSync(backups, { recursive: true });
      fs.writeFileSync(path.join(backups, 'etbot-20250101T000000Z.sqlite.partial'), 'half a backup');
      fs.writeFileSync(path.join(backups, 'notes.txt'), 'not a backup');
      const finished = () =>
        fs
          .readdirSync(backups)
          .filter((f) => f.endsWith('.sqlite'))
          .sort();
      await start(dataDir, new Date(Date.UTC(2025, 5, 1, 3, 0, 0)));
      const removed: string[][] = [];
      for (const day of [1, 2, 3, 4]) {
        if (day > 1) await clock.advance(DAY);
        const before = finished();
        const report = await maintain();
        const made = `etbot-202506${String(day).padStart(2, '0')}T030000Z.sqlite`;
        const gone = [...before, made].filter((f) => !finished().includes(f));
        expect(report.removed, `day ${day}`).to.equal(gone.length);
        removed.push(gone);
      }
      expect(removed).to.deep.equal([[], [], ['etbot-20250601T030000Z.sqlite'], ['etbot-20250602T030000Z.sqlite']]);
      expect(finished()).to.deep.equal(['etbot-20250603T030000Z.sqlite', 'etbot-20250604T030000Z.sqlite']);
      expect(fs.readdirSync(backups).sort()).to.deep.equal([
        'etbot-20250101T000000Z.sqlite.partial',
        'etbot-20250603T030000Z.sqlite',
        'etbot-20250604T030000Z.sqlite',
        'notes.txt',
      ]);
    });
  } else {
    it('runs VACUUM (ANALYZE) on PostgreSQL and makes no file backup', async () => {
      const dataDir = tempDir('maint-pg');
      await start(dataDir, new Date(Date.UTC(2025, 5, 1, 3, 0, 0)));
      const report = await maintain();
      expect(report).to.include({ removed: 0 });
      expect(report.steps).to.deep.equal(['VACUUM (ANALYZE)']);
      expect(fs.existsSync(path.join(dataDir, 'backups'))).to.equal(false);
      const row = await bot!.db.read((sql) => sql.one(`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'stats_files'`));
      expect(row!.last_vacuum).to.not.equal(null);
      expect(row!.last_analyze).to.not.equal(null);
    });
  }
});
