// How test/upgrade/release-0.1.0.sqlite was made (on main at the release before the plugins moved
// out of core): the fixtures imported with every built-in plugin on, a link, admin actions in the
// audit table and the rating computed. `node dist/test/upgrade/make-release-database.js OUT`.
import fs from 'node:fs';
import path from 'node:path';
import { createTestBot } from '../../core/testing';

async function main(out: string): Promise<void> {
  fs.rmSync(out, { force: true });
  const plugins = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../plugins.json'), 'utf8')) as { plugins: { id: string }[] }).plugins.map(
    (p) => p.id,
  );
  const bot = await createTestBot({ plugins, database: `sqlite:${path.resolve(out)}`, config: { timezone: 'Europe/Berlin' } });
  for (const line of ['!link slasher', '!rating slasher', '!cache clear', '!regroup sessions', '!plugin reload maps']) await bot.run(line, { admin: true });
  await bot.run('!link snake', { as: '300000000000000001' });
  await bot.stop();
}

void main(process.argv[2] ?? 'release.sqlite');
