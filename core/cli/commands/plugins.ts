import type { Command } from 'commander';
import { bootApp, type GlobalOptions } from '../boot';
import { registerPluginsNewCommand } from './plugins-new';

export function registerPluginsCommand(program: Command, globals: () => GlobalOptions): Command {
  const plugins = program.command('plugins').description('list and manage plugins');
  plugins
    .command('list')
    .description('list the plugins in plugins.json with their state')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const app = await bootApp(globals(), 'cli');
      try {
        const list = app.plugins.list();
        if (options.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        const rows = list.map((p) => [p.id, p.version ?? '-', p.state, String(p.commands), p.error ?? p.description ?? '']);
        const header = ['plugin', 'version', 'state', 'commands', 'notes'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
        process.stdout.write(`${[fmt(header), ...rows.map(fmt)].join('\n')}\n`);
      } finally {
        await app.stop();
      }
    });
  registerPluginsNewCommand(plugins);
  return plugins;
}
