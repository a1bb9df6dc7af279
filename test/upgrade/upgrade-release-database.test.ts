import { expect } from 'chai';
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export/export';
import { createTestBot, type TestBot } from '../../core/testing';

// test/upgrade/release-0.1.0.sqlite was made by the release before the plugins moved out of core
// (make-release-database.ts): the fixtures, a link, admin actions, the rating. Opening it with
// today's code must run no migration again, lose no row of a core or plugin table, and answer
// the same. Migrations added since the release run once; the rating's (RatingPerformance1765300000000)
// empties its derived tables and the plugin rates every map again, to the same ratings.
const RELEASE_DB = path.resolve(__dirname, '../../../test/upgrade/release-0.1.0.sqlite');
/** Migrations added after the release, in the order they run (by timestamp): the rating's new columns, last-session's team names, the records plugin's tables. */
const ADDED_SINCE_RELEASE = [
  'RatingPerformance1765300000000',
  'LastSessionTeamNames1765500000000',
  'Records1766000000000',
  'RatingObjectivePlay1766100000000',
  'PlayerIdentities1766200000000',
  'RatingCalibrationPrior1766300000000',
];
/** Columns added since the release (null on every row it stored): left out of the row comparison. */
const COLUMNS_ADDED_SINCE_RELEASE: Record<string, string[]> = { player_rounds: ['source_guid'] };
/** Derived tables rebuilt on upgrade: compared by their content, not row for row. */
const REBUILT = new Set(['rating_players', 'rating_maps', 'rating_history']);
// The built-in plugins plugins.json turns on (the web plugin ships off: it opens a port).
const builtIns = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../plugins.json'), 'utf8')) as { plugins: { id: string; enabled?: boolean }[] }
).plugins
  .filter((p) => p.enabled !== false)
  .map((p) => p.id);

type Rows = Record<string, unknown>[];

function tables(file: string): Map<string, Rows> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const names = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
    ).map((t) => t.name);
    return new Map(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all() as Rows]));
  } finally {
    db.close();
  }
}

describe('a database made by the previous release upgrades in place', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  let bot: TestBot;
  let released: Map<string, Rows>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-upgrade-'));
    file = path.join(dir, 'etbot.sqlite');
    fs.copyFileSync(RELEASE_DB, file);
    released = tables(file);
    bot = await createTestBot({ plugins: builtIns, database: `sqlite:${file}`, fixtures: false, config: { timezone: 'Europe/Berlin' } });
  });

  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs no migration twice: etbot_migrations is as the release left it, plus the ones added since', async () => {
    const migrations = await bot.db.read((sql) => sql.all(`SELECT id, timestamp, name FROM etbot_migrations ORDER BY id`));
    const names = migrations.map((m) => String(m.name));
    const releasedNames = released.get('etbot_migrations')!.map((m) => String(m.name));
    // The release's migrations as it left them; after them only those of plugins added since, once each.
    expect(names.slice(0, releasedNames.length)).to.deep.equal(releasedNames);
    expect(names.slice(releasedNames.length)).to.deep.equal(ADDED_SINCE_RELEASE);
  });

  it('keeps every row of every table, core and plugin (admin_actions, player_links); the rebuilt rating has the same ratings', async () => {
    await bot.run('!rating slasher');
    await bot.stop();
    const after = tables(file);
    expect([...after.keys()]).to.include.members(['admin_actions', 'rating_players', 'rating_maps', 'rating_history', 'player_links', 'players', 'rounds']);
    for (const [name, rows] of released) {
      if (name === 'etbot_migrations') expect(after.get(name)!.slice(0, rows.length), name).to.deep.equal(rows);
      else if (!REBUILT.has(name)) {
        const added = COLUMNS_ADDED_SINCE_RELEASE[name] ?? [];
        for (const row of after.get(name)!) for (const column of added) expect(row[column], `${name}.${column}`).to.equal(null);
        const withoutAdded = after.get(name)!.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !added.includes(column))));
        expect(withoutAdded, name).to.deep.equal(rows);
      }
    }
    const ratings = (rows: Rows) => rows.map((r) => [r.guid, r.mu, r.sigma, r.maps, r.wins, r.draws, r.losses, r.last_ended_at_utc]);
    expect(ratings(after.get('rating_players')!)).to.deep.equal(ratings(released.get('rating_players')!));
    const history = (rows: Rows) => rows.map((r) => [r.seq, r.guid, r.result, r.mu, r.sigma]).sort((x, y) => String(x).localeCompare(String(y)));
    expect(history(after.get('rating_history')!)).to.deep.equal(history(released.get('rating_history')!));
    bot = await createTestBot({ plugins: builtIns, database: `sqlite:${file}`, fixtures: false, config: { timezone: 'Europe/Berlin' } });
  });

  it('exports the same players, rounds and sessions as a fresh import of the fixtures', async () => {
    const fresh = await createTestBot({ plugins: [], config: { timezone: 'Europe/Berlin' } });
    try {
      expect(await exportPlayers(bot.db)).to.deep.equal(await exportPlayers(fresh.db));
      expect(await exportRounds(bot.db)).to.deep.equal(await exportRounds(fresh.db));
      expect(await exportSessions(bot.db)).to.deep.equal(await exportSessions(fresh.db));
    } finally {
      await fresh.stop();
    }
  });

  it('answers from the upgraded plugin tables: the audit and the rating the release stored', async () => {
    const audit = await bot.text('!audit', { admin: true });
    for (const line of ['200000000000000001 cache clear -> ok', '200000000000000001 regroup sessions -> ok', '200000000000000001 plugin reload maps -> ok'])
      expect(audit).to.contain(line);
    expect(await bot.text('!rating slasher')).to.contain('Maps counted: 8 (4 won, 1 drawn, 3 lost)');
  });
});
