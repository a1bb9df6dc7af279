import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { exportRounds, exportSessions } from '../../core/export';
import { forEachDatabase } from '../support/databases';
import { run, startAdminApp } from './admin-app';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

/** Start and stop an app on the test database with the given session gap, running one command. */
async function withGap(url: string, gapMinutes: number, line: string): Promise<string> {
  const app = await startAdminApp({ databaseUrl: url, overrides: { import: { sessionGapMinutes: gapMinutes, pairingWindowMinutes: 45 } } });
  try {
    const reply = await run(app, line);
    expect(reply.isError, reply.text).to.not.equal(true);
    return reply.text ?? JSON.stringify(reply.embeds);
  } finally {
    await app.stop();
  }
}

forEachDatabase('!regroup sessions', (db) => {
  before(async () => db.reset());

  it('regroups every round with the configured gap, and back again to the truth', async () => {
    await withGap(db.url, 60, `!import ${FIXTURES}`);
    // fixtures/README.md: 2 evenings; consecutive round end times within an evening are 6 to 17
    // minutes apart, so with a 5-minute gap each of the 20 rounds is a session of its own.
    expect(await withGap(db.url, 5, '!regroup sessions')).to.equal('Sessions regrouped with a 5-minute gap: 20 round times, 2 sessions before, 20 now.');
    expect(await withGap(db.url, 60, '!regroup sessions')).to.equal('Sessions regrouped with a 60-minute gap: 20 round times, 20 sessions before, 2 now.');
    const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as { sessions: unknown; rounds: unknown };
    const database = await db.open();
    expect(await exportSessions(database)).to.deep.equal(truth.sessions);
    expect(await exportRounds(database)).to.deep.equal(truth.rounds);
  });
});
