import { expect } from 'chai';
import { createTestBot, exportRounds, exportSessions, FIXTURES_DIR, forEachDatabase, loadFixtureTruth } from 'etbot/testing';
import { asAdmin } from './admins';

/** Start and stop a bot on the test database with the given session gap, running one command. */
async function withGap(url: string, gapMinutes: number, line: string): Promise<string> {
  const bot = await createTestBot({
    plugins: ['admin'],
    database: url,
    fixtures: false,
    config: { import: { sessionGapMinutes: gapMinutes, pairingWindowMinutes: 45 } },
  });
  try {
    const reply = await bot.run(line, asAdmin);
    expect(reply.isError, reply.text).to.not.equal(true);
    return reply.text ?? JSON.stringify(reply.embeds);
  } finally {
    await bot.stop();
  }
}

forEachDatabase('!regroup sessions', (db) => {
  before(async () => db.reset());

  it('regroups every round with the configured gap, and back again to the truth', async () => {
    await withGap(db.url, 60, `!import ${FIXTURES_DIR}`);
    // fixtures/README.md: 2 evenings; consecutive round end times within an evening are 6 to 17
    // minutes apart, so with a 5-minute gap each of the 20 rounds is a session of its own.
    expect(await withGap(db.url, 5, '!regroup sessions')).to.equal('Sessions regrouped with a 5-minute gap: 20 round times, 2 sessions before, 20 now.');
    expect(await withGap(db.url, 60, '!regroup sessions')).to.equal('Sessions regrouped with a 60-minute gap: 20 round times, 20 sessions before, 2 now.');
    const truth = loadFixtureTruth();
    const database = await db.open();
    expect(await exportSessions(database)).to.deep.equal(truth.sessions);
    expect(await exportRounds(database)).to.deep.equal(truth.rounds);
  });
});
