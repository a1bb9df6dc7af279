import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, forEachDatabase, replyText } from 'etbot/testing';
import { adminConfig, asAdmin, tempDir } from './admins';

const THREE = ['2025-11-07-204138-supply-round-1.txt', '2025-11-07-205036-supply-round-2.txt', '2025-11-07-210413-etl_adlernest-round-1.txt'];

forEachDatabase("!import without a path rescans the collectors' folders", (db) => {
  before(async () => db.reset());

  it("imports what is in a local collector's folder, under its server id and name", async () => {
    const inbox = tempDir('admin-inbox');
    for (const name of THREE) fs.copyFileSync(path.join(FIXTURES_DIR, name), path.join(inbox, name));
    const bot = await createTestBot({
      plugins: ['admin'],
      database: db.url,
      fixtures: false,
      config: { ...adminConfig, collectors: [{ type: 'local', name: 'inbox', serverId: 'eu1', path: inbox }] },
    });
    try {
      const reply = replyText(await bot.run('!import', asAdmin));
      expect(reply).to.contain(`Import of ${inbox}`);
      expect(reply).to.contain('3 files: 3 imported, 0 replaced, 0 unchanged, 0 duplicates, 0 rejected');
      const rows = await bot.db.read((sql) => sql.all(`SELECT name, server_id, source FROM stats_files ORDER BY name`));
      expect(rows.map((r) => [String(r.name), String(r.server_id), String(r.source)])).to.deep.equal(THREE.map((n) => [n, 'eu1', 'inbox']));
    } finally {
      await bot.stop();
    }
  });

  it('asks for a path when no collector is configured', async () => {
    const bot = await createTestBot({ plugins: ['admin'], database: db.url, fixtures: false, config: adminConfig });
    try {
      const reply = await bot.run('!import', asAdmin);
      expect(reply.isError).to.equal(true);
      expect(reply.text).to.contain('no collector folders are configured (or none exists yet): give a path');
      const missing = await bot.run('!import /nonexistent/etbot-folder', asAdmin);
      expect(missing.isError).to.equal(true);
      expect(missing.text).to.contain('/nonexistent/etbot-folder does not exist');
    } finally {
      await bot.stop();
    }
  });
});
