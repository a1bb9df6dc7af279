import { expect } from 'chai';
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AdminServices, num, type DatabaseAdmin } from 'etbot/plugin-api';
import { createTestBot, forEachDatabase, type TestBot } from 'etbot/testing';
import { listBackups } from '../maintenance/backups';
import { runDatabaseMaintenance } from '../maintenance/database-maintenance';
import { tempDir } from './admins';
import { ServiceProbe } from './probe-plugin';

/** fixtures/README.md: 9 + 11 valid round files. */
const FIXTURE_FILES = 20;

forEachDatabase('database maintenance', (db) => {
  let bot: TestBot;
  const probe = new ServiceProbe();
  /** The service the admin plugin's maintenance job runs on. */
  const admin = (): DatabaseAdmin => probe.services.get(AdminServices.Database);
  const count = (table: string) => bot.db.read(async (sql) => num((await sql.one(`SELECT COUNT(*) AS n FROM ${table}`))!.n));

  before(async () => {
    await db.reset();
    bot = await createTestBot({ plugins: ['admin', probe.plugin], database: db.url });
  });
  after(async () => bot?.stop());

  if (db.kind === 'sqlite') {
    it('backs the SQLite file up into <dataDir>/backups: the copy opens and has the same rows', async () => {
      const dataDir = tempDir('maint');
      const report = await runDatabaseMaintenance(admin(), { dataDir, keepBackups: 2, now: new Date(Date.UTC(2025, 5, 1, 3, 0, 0)) });
      expect(report.steps[0]).to.equal('PRAGMA optimize');
      expect(report.backupFile).to.equal(path.join(dataDir, 'backups', 'etbot-20250601T030000Z.sqlite'));
      expect(fs.existsSync(report.backupFile!)).to.equal(true);

      const copy = new BetterSqlite3(report.backupFile!, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).to.equal('ok');
        const tables = (copy.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
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
      const removed: string[][] = [];
      for (const day of [1, 2, 3, 4]) {
        const report = await runDatabaseMaintenance(admin(), { dataDir, keepBackups: 2, now: new Date(Date.UTC(2025, 5, day, 3, 0, 0)) });
        removed.push(report.removedBackups.map((f) => path.basename(f)));
      }
      expect(removed).to.deep.equal([[], [], ['etbot-20250601T030000Z.sqlite'], ['etbot-20250602T030000Z.sqlite']]);
      expect(listBackups(backups).map((f) => path.basename(f))).to.deep.equal(['etbot-20250603T030000Z.sqlite', 'etbot-20250604T030000Z.sqlite']);
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
      const report = await runDatabaseMaintenance(admin(), { dataDir, keepBackups: 2 });
      expect(report).to.deep.equal({ kind: 'postgres', steps: ['VACUUM (ANALYZE)'], backupFile: null, removedBackups: [] });
      expect(fs.existsSync(path.join(dataDir, 'backups'))).to.equal(false);
      const row = await bot.db.read((sql) => sql.one(`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'stats_files'`));
      expect(row!.last_vacuum).to.not.equal(null);
      expect(row!.last_analyze).to.not.equal(null);
    });
  }
});
