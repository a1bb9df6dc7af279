import path from 'node:path';
import { ETBOT_BIN, runEtbot, type CliResult } from '../../core/testing/run-etbot';

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export { ETBOT_BIN, type CliResult };

/** Runs the real etbot binary as a child process (in the project folder unless `cwd` says otherwise). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; bin?: string } = {}): Promise<CliResult> {
  return runEtbot(args, { ...options, cwd: options.cwd ?? PROJECT_ROOT });
}
