import { Command, CommanderError } from 'commander';
import { ConfigError, environmentSecrets } from '../config/load-config';
import { DatabaseOpenError } from '../data/database-open-error';
import { DatabaseUrlError } from '../config/database-url';
import { scrubSecrets } from '../logging/create-logger';
import { BUILTIN_PLUGINS_FILE, PluginsFileError } from '../plugin-host/plugins-file';
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
    .addHelpText('after', whereFilesAreLooked())
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

/** Where etbot looks for its files; relative paths are from the working folder. */
function whereFilesAreLooked(): string {
  return [
    '',
    'Files (relative paths are from the working folder):',
    '  configuration  --config FILE, else ./etbot.config.json when present; environment variables override it',
    `  plugins        pluginsFile / ETBOT_PLUGINS_FILE, default ./plugins.json; without one, the built-in plugins with their defaults (${BUILTIN_PLUGINS_FILE}); import, export and migrate use no plugins`,
    '  data folder    dataDir / ETBOT_DATA_DIR, default ./data (the SQLite database <dataDir>/etbot.sqlite unless DATABASE_URL names one)',
  ].join('\n');
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
    const secrets = environmentSecrets(process.env);
    if (isOneLineError(err)) {
      process.stderr.write(`etbot: ${scrubSecrets(err.message, secrets)}\n`);
      process.exitCode = ExitCode.usage;
      return;
    }
    process.stderr.write(`etbot: ${scrubSecrets((err as Error)?.stack ?? String(err), secrets)}\n`);
    process.exitCode = ExitCode.commandFailed;
  }
}

/** Configuration and usage mistakes, and a database that cannot be opened: one line, exit 2, nothing ran. */
function isOneLineError(err: unknown): err is Error {
  return [ConfigError, PluginsFileError, CliUsageError, DatabaseUrlError, DatabaseOpenError].some((type) => err instanceof type);
}
