import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_ID, tempDir } from './admins';

export { runEtbot, type CliResult } from 'etbot/testing';

/** A working folder for the real binary: plugins.json (admin + help) and etbot.config.json. */
export function cliWorkdir(config: Record<string, unknown> = {}): string {
  const dir = tempDir('admin-cli');
  fs.writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'admin' }, { id: 'help' }] }, null, 2));
  fs.writeFileSync(
    path.join(dir, 'etbot.config.json'),
    JSON.stringify({ dataDir: path.join(dir, 'data'), discord: { adminUserIds: [ADMIN_ID] }, ...config }, null, 2),
  );
  return dir;
}

export function pluginsJson(dir: string): { id: string; enabled: boolean }[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'plugins.json'), 'utf8')) as { plugins: { id: string; enabled: boolean }[] }).plugins;
}
