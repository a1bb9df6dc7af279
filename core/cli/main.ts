import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config';
import { PluginsFileError } from '../plugin-host/plugins-file';
import { CliUsageError, ExitCode } from './exit-codes';
import type { GlobalOptions } from './boot';
import { registerRunCommand } from './commands/run';
import { registerStartCommand } from './commands/start';
import { registerFixturesCommand } from './commands/fixtures';
import { registerPluginsCommand } from './commands/plugins';
import { registerImportCommand } from './commands/import';
import { registerExportCommand } from './commands/export';
import { registerMigrateCommand } from './commands/migrate';
import { registerDemoCommand } from './commands/demo';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('etbot')
    .description('etbot: ET:Legacy round stats as Discord commands, leaderboards and graphs')
    .version(version)
    .option('-c, --config <file>', 'configuration file (default: ./etbot.config.json when present)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  registerStartCommand(program, globals);
  registerRunCommand(program, globals);
  registerPluginsCommand(program, globals);
  registerImportCommand(program, globals);
  registerExportCommand(program, globals);
  registerMigrateCommand(program, globals);
  registerDemoCommand(program, globals);
  registerFixturesCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      return;
    }
    if (err instanceof ConfigError || err instanceof PluginsFileError || err instanceof CliUsageError) {
      process.stderr.write(`etbot: ${err.message}\n`);
      process.exitCode = ExitCode.usage;
      return;
    }
    process.stderr.write(`etbot: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = ExitCode.commandFailed;
  }
}
