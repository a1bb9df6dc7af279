import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { DataServices } from '../../data/tokens';
import type { Database } from '../../data/database';
import { exportPlayers, exportRounds, exportSessions, toCsv } from '../../export';
import { bootApp, type GlobalOptions } from '../boot';
import { CliUsageError } from '../exit-codes';

const KINDS = { players: exportPlayers, rounds: exportRounds, sessions: exportSessions } as const;
type Kind = keyof typeof KINDS;

export function registerExportCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('export')
    .description('export players, rounds or sessions as JSON or CSV (to stdout unless --out)')
    .argument('<what>', 'players, rounds or sessions')
    .option('--format <format>', 'json or csv', 'json')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--per-guid', 'players: one row per GUID as in the files, with the identity it belongs to (after !merge)')
    .addHelpText('after', '\nExamples:\n  etbot export players\n  etbot export players --per-guid\n  etbot export rounds --format csv --out rounds.csv')
    .action(async (what: string, options: { format: string; out?: string; perGuid?: boolean }) => {
      if (!(what in KINDS)) throw new CliUsageError(`export: '${what}' is not one of players, rounds, sessions`);
      if (options.perGuid && what !== 'players') throw new CliUsageError(`export: --per-guid applies to players only`);
      if (options.format !== 'json' && options.format !== 'csv') throw new CliUsageError(`export: --format must be json or csv, got '${options.format}'`);
      const app = await bootApp(globals(), 'cli', { plugins: false });
      try {
        const db = app.container.resolve<Database>(DataServices.Database.id);
        const rows = (what === 'players' ? await exportPlayers(db, { perGuid: options.perGuid === true }) : await KINDS[what as Kind](db)) as unknown as Record<
          string,
          unknown
        >[];
        const text = options.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows);
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
      } finally {
        await app.stop();
      }
    });
}
