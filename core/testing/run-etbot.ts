import { spawn } from 'node:child_process';
import path from 'node:path';

/** This etbot's own binary (bin/etbot.js beside its package.json; this file runs from dist/core/testing). */
export const ETBOT_BIN = path.resolve(__dirname, '../../../bin/etbot.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunEtbotOptions {
  /** The working folder (where etbot.config.json and plugins.json are looked for). */
  cwd: string;
  /** Added to a bare environment (PATH and HOME only). */
  env?: NodeJS.ProcessEnv;
  /** Killed after this long; default 60 s. */
  timeoutMs?: number;
  /** Another etbot binary (an installed package) instead of this one. */
  bin?: string;
}

/** Runs the real `etbot` binary as a child process and collects its exit code and output. */
export function runEtbot(args: readonly string[], options: RunEtbotOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? ETBOT_BIN, ...args], {
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
