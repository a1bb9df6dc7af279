import { expect } from 'chai';
import { forEachDatabase } from '../support/databases';

forEachDatabase('schema', (db) => {
  it('runs the migrations once and the tables match the entities exactly', async () => {
    const database = await db.open();
    // A second run finds nothing pending.
    expect(await database.migrate()).to.deep.equal([]);
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    // Every core table (collectors', links', audit's and the query indexes included) as its entity says.
    expect(pending.upQueries.map((q) => q.query)).to.deep.equal([]);
  });

  it('indexes weapon_rounds by player only on SQLite (a covering index for weapon sums; PostgreSQL imports without it)', async () => {
    const database = await db.open();
    const names = await database.read(async (sql) =>
      (sql.kind === 'sqlite'
        ? await sql.all(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'weapon_rounds' AND name NOT LIKE 'sqlite_autoindex%'`)
        : await sql.all(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'weapon_rounds' AND indexname NOT LIKE 'PK_%'`)
      ).map((r) => String(r.name)),
    );
    expect(names).to.deep.equal(db.kind === 'sqlite' ? ['ix_weapon_rounds_player_sums'] : []);
  });

  it('keeps one imported copy per content hash (partial unique index)', async () => {
    const database = await db.open();
    const row = (name: string, status: string) => [
      'default',
      name,
      'h'.repeat(64),
      status,
      null,
      '[]',
      null,
      null,
      null,
      'test',
      1,
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00Z',
    ];
    const cols = [
      'server_id',
      'name',
      'content_hash',
      'status',
      'reason',
      'warnings',
      'duplicate_of_id',
      'content',
      'path',
      'source',
      'size',
      'first_seen_at',
      'updated_at',
    ];
    await database.transaction((sql) => sql.insertMany('stats_files', cols, [row('a.txt', 'imported'), row('b.txt', 'duplicate')]));
    let failed = false;
    try {
      await database.transaction((sql) => sql.insertMany('stats_files', cols, [row('c.txt', 'imported')]));
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    await db.reset();
  });
});
