import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { runFixturesGenerate } from '../../parsing/generator/write-fixtures';
import type { Era } from '../../parsing/types';

function integer(name: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number(value);
  };
}

export function registerFixturesCommand(program: Command): void {
  const fixtures = program.command('fixtures').description('generate round stats files for tests and demos');
  fixtures
    .command('generate')
    .description('write stats files exactly as the server Lua would, plus truth.json computed from the simulation')
    .requiredOption('--out <dir>', 'folder to write into')
    .requiredOption('--seed <n>', 'random seed (the same seed writes the same files)', integer('--seed'))
    .option('--sessions <k>', 'gaming sessions (evenings) to simulate', integer('--sessions'), 2)
    .option('--era <fields>', 'extended field count: 33, 36, 37 or 38 (default: sessions cycle through eras)', integer('--era'))
    .option('--start-date <date>', 'local date of the first session, YYYY-MM-DD')
    .option('--timezone <zone>', 'IANA zone of the simulated server clock', 'UTC')
    .action(async (options: { out: string; seed: number; sessions: number; era?: number; startDate?: string; timezone: string }) => {
      const result = await runFixturesGenerate({
        out: options.out,
        seed: options.seed,
        sessions: options.sessions,
        era: options.era as Era | undefined,
        startDate: options.startDate,
        timezone: options.timezone,
      });
      process.stdout.write(`wrote ${result.files} round files and truth.json to ${result.out}\n`);
    });
}
