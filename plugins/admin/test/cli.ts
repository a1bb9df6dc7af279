import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_ID, tempDir } from './admins';

/** The `etbot` binary of the etbot this plugin runs in (the package's own `bin`, beside its package.json). */
function etbotBin(): string {
  let dir = path.dirname(require.resolve('etbot/plugin-api'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const manifest = path.join(dir, 'package.json');
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: { etbot: string } };
  return path.join(path.dirname(manifest), bin.etbot);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real etbot binary as a child process in `cwd`, with only PATH, HOME and `env` set. */
export function runEtbot(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [etbotBin(), ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

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
