import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CLI_ADMIN_ID = '222222222222222222';

/** A working folder for the real binary: plugins.json (admin + help) and etbot.config.json. */
export function cliWorkdir(config: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-cli-'));
  fs.writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'admin' }, { id: 'help' }] }, null, 2));
  fs.writeFileSync(
    path.join(dir, 'etbot.config.json'),
    JSON.stringify({ dataDir: path.join(dir, 'data'), discord: { adminUserIds: [CLI_ADMIN_ID] }, ...config }, null, 2),
  );
  return dir;
}
