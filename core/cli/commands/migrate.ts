import type { Command } from 'commander';
import { bootApp, type GlobalOptions } from '../boot';

export function registerMigrateCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (core and plugin migrations; also done at every start)')
    .action(async () => {
      // Starting the app runs pending migrations (the database module's start); the log names them.
      const app = await bootApp(globals(), 'cli', { plugins: false });
      await app.stop();
      process.stdout.write('database schema is up to date\n');
    });
}
