import type { Command } from 'commander';
import type { GlobalOptions } from '../boot';

/** Subcommands whose implementation lands with later modules; each says so until then. */
export function registerLaterCommands(program: Command, _plugins: Command, _globals: () => GlobalOptions): void {
  const notYet = (name: string) => () => {
    process.stderr.write(`etbot ${name}: not available in this build yet\n`);
    process.exitCode = 2;
  };
  program.command('import').description('import round stats files or folders').argument('[paths...]').action(notYet('import'));
  program.command('export').description('export players, rounds or sessions as JSON or CSV').argument('<what>').action(notYet('export'));
  program.command('migrate').description('run database migrations').action(notYet('migrate'));
}
