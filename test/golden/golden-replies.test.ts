import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, type TestBot } from '../../core/testing';
import { forEachDatabase } from '../support/databases';
import { goldenLines, normaliseReply, type GoldenReply } from './golden-lines';

// Every command of every built-in plugin, replied on the fixtures. The file was recorded on main
// before the plugins moved onto the public plugin API (issue 17); after the move every reply must
// stay the same. `ETBOT_RECORD_GOLDEN=1 npm test -- --grep golden` writes it again (on SQLite).
const GOLDEN_FILE = path.resolve(__dirname, '../../../test/golden/replies.json');
// The built-in plugins plugins.json turns on (the web plugin ships off: it opens a port).
const builtIns = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../plugins.json'), 'utf8')) as { plugins: { id: string; enabled?: boolean }[] }
).plugins
  .filter((p) => p.enabled !== false)
  .map((p) => p.id);

forEachDatabase('golden replies of every built-in command on the fixtures', (handle) => {
  let bot: TestBot;
  const recorded: GoldenReply[] = [];

  before(async () => {
    bot = await createTestBot({ plugins: builtIns, database: handle.url, config: { timezone: 'Europe/Berlin' } });
  });
  after(async () => {
    await bot?.stop();
    if (process.env.ETBOT_RECORD_GOLDEN === '1' && handle.kind === 'sqlite') fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
  });

  it('gives the recorded reply to every line, in order', async () => {
    const golden: GoldenReply[] = process.env.ETBOT_RECORD_GOLDEN === '1' ? [] : JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8'));
    for (const [i, line] of goldenLines.entries()) {
      const reply = await normaliseReply(line, await bot.run(line.text, { admin: line.admin, as: line.as }));
      recorded.push(reply);
      if (golden.length > 0) expect(reply, `reply ${i} to '${line.text}'`).to.deep.equal(golden[i]);
    }
    if (golden.length > 0) expect(recorded.length).to.equal(golden.length);
  });
});
