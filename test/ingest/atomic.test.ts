import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { Importer } from '../../core/ingest/importer';
import { forEachDatabase } from '../support/databases';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const R1 = '2025-11-07-204138-supply-round-1.txt';
const R2 = '2025-11-07-205036-supply-round-2.txt';
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A real database trigger that fails the insert of one later weapon row: the whole file must go. */
async function failOnWeaponRow(sql: import('../../core/data').Sql, guid: string): Promise<void> {
  if (sql.kind === 'sqlite') {
    await sql.run(`CREATE TRIGGER fail_weapon BEFORE INSERT ON weapon_rounds WHEN NEW.guid = '${guid}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  } else {
    await sql.run(`CREATE OR REPLACE FUNCTION fail_weapon() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
    await sql.run(`CREATE TRIGGER fail_weapon BEFORE INSERT ON weapon_rounds FOR EACH ROW WHEN (NEW.guid = '${guid}') EXECUTE FUNCTION fail_weapon()`);
  }
}

async function dropTrigger(sql: import('../../core/data').Sql): Promise<void> {
  await sql.run(sql.kind === 'sqlite' ? `DROP TRIGGER fail_weapon` : `DROP TRIGGER fail_weapon ON weapon_rounds`);
}

forEachDatabase('a failure in the middle of a file', (db) => {
  it('leaves nothing of that file, and the rest of the data as it was', async () => {
    await db.reset();
    const database = await db.open();
    const importer = new Importer(database);
    expect((await importer.importContent(R1, fixture(R1), { source: 'test' })).status).to.equal('imported');
    const before = await snapshot(database);

    // Fail on the weapon rows of the R2's last player line: rows before it were already written.
    const lines = fixture(R2).trimEnd().split('\n');
    const lastGuid = lines[lines.length - 1]!.slice(0, 8);
    await database.transaction((sql) => failOnWeaponRow(sql, lastGuid));
    let error: Error | undefined;
    try {
      await importer.importContent(R2, fixture(R2), { source: 'test' });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message)
      .to.match(/injected failure/)
      .and.include(R2);
    expect(await snapshot(database)).to.deep.equal(before);

    // Once the cause is gone the same file imports normally.
    await database.transaction((sql) => dropTrigger(sql));
    expect((await importer.importContent(R2, fixture(R2), { source: 'test' })).status).to.equal('imported');
    const after = await snapshot(database);
    expect(after.stats_files).to.equal(2);
    expect(after.matches).to.equal(1);
  });
});

async function snapshot(database: import('../../core/data').Database): Promise<Record<string, number | string>> {
  return database.read(async (sql) => {
    const out: Record<string, number | string> = {};
    for (const t of [
      'stats_files',
      'rounds',
      'player_rounds',
      'weapon_rounds',
      'players',
      'player_aliases',
      'matches',
      'gaming_sessions',
      'session_team_members',
    ]) {
      out[t] = Number((await sql.one(`SELECT COUNT(*) AS n FROM ${t}`))!.n);
    }
    const r1 = await sql.one(`SELECT paired_round_id, match_id, session_id FROM rounds`);
    out.r1 = JSON.stringify(r1);
    return out;
  });
}
