import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from '../../core/app/app';
import { coreModules } from '../../core/app/modules';
import { DEFAULT_INTEGER_MAX } from '../../core/commands/argument-values';
import { loadConfig } from '../../core/config/load-config';
import { silentLogger } from '../../core/logging/create-logger';
import type { Caller } from '../../core/plugin-api/commands';
import { forEachDatabase } from '../support/databases';
import { PROJECT_ROOT } from '../support/run-cli';

const admin: Caller = { id: '222222222222222222', name: 'an admin', roleIds: [], isAdmin: true };

forEachDatabase('reliability: every integer argument of every built-in command is range-checked before any query', (db) => {
  let app: App;
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-int-args-'));
    // A copy of the repository's plugins.json: every built-in plugin, as shipped.
    fs.copyFileSync(path.join(PROJECT_ROOT, 'plugins.json'), path.join(folder, 'plugins.json'));
    const { config, secrets } = loadConfig({
      env: {},
      cwd: folder,
      overrides: { dataDir: path.join(folder, 'data'), database: { url: db.url }, discord: { adminUserIds: [admin.id] } },
    });
    app = new App({ config, secrets, logger: silentLogger(), mode: 'test', modules: coreModules() });
    await app.start();
  });
  after(async () => {
    await app?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("a value beyond a safe integer or the argument's bounds gets the usage line, never an SQL error", async () => {
    const checked: string[] = [];
    for (const { definition } of app.registry.list()) {
      const args = definition.args ?? [];
      for (const [index, arg] of args.entries()) {
        if (arg.type !== 'integer') continue;
        const max = arg.max ?? DEFAULT_INTEGER_MAX;
        const min = arg.min ?? -DEFAULT_INTEGER_MAX;
        for (const value of ['99999999999999999999', '-99999999999999999999', '1e21', String(max + 1), String(min - 1)]) {
          // Earlier arguments get a valid value, so this one is the one that is checked.
          const before = args.slice(0, index).map((a) => (a.type === 'choice' ? a.choices![0]!.value : a.type === 'integer' ? String(a.min ?? 1) : 'x'));
          const line = `!${definition.name} ${[...before, value].join(' ')}`;
          const reply = await app.runner.runLine(line, { caller: admin, transport: 'console' });
          expect(reply?.isError, line).to.equal(true);
          expect(reply?.text, line).to.include(`Usage: \`!${definition.name}`);
          expect(reply?.text, line).to.not.match(/SQLITE_|QueryFailedError|syntax|1e\+21/i);
        }
        checked.push(`${definition.name} ${arg.name}`);
      }
    }
    expect(checked, 'integer arguments found in the registry').to.include.members(['audit page', 'rejected page']);
  });
});
