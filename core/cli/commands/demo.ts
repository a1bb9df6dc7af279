import type { Command } from 'commander';
import path from 'node:path';
import { DataServices } from '../../data/tokens';
import type { Database } from '../../data/database';
import { exportPlayers } from '../../export';
import type { Importer } from '../../ingest/importer';
import { importPaths } from '../../ingest/import-paths';
import { consoleCaller } from '../../transports/console/console-caller';
import { renderReply } from '../../transports/console/render-reply';
import { bootApp, type GlobalOptions } from '../boot';
import { formatImportSummary } from './import';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures');

/** A name as typed on a command line; a name with spaces or quotes is given by its GUID instead. */
function arg(player: { name: string; guid: string }): string {
  return /[\s"]/.test(player.name) ? player.guid : player.name;
}

export function registerDemoCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description('import the shipped fixtures/ into the configured database (SQLite by default) and show a few command replies')
    .action(async () => {
      const app = await bootApp(globals(), 'cli');
      try {
        const importer = app.container.resolve<Importer>(DataServices.Importer.id);
        const db = app.container.resolve<Database>(DataServices.Database.id);
        process.stdout.write(`Database: ${db.description}\nImporting ${FIXTURES}\n`);
        const t0 = process.hrtime.bigint();
        const summary = await importPaths(importer, [FIXTURES], { source: 'demo', serverId: 'default' });
        process.stdout.write(`${formatImportSummary(summary, Number(process.hrtime.bigint() - t0) / 1e9)}\n`);

        const players = (await exportPlayers(db)).sort((a, b) => b.kills - a.kills);
        const [first, second] = players;
        const lines = ['!help'];
        if (first) lines.push(`!stats ${arg(first)}`);
        lines.push('!top kills', '!top kd');
        if (first && second) lines.push(`!compare ${arg(first)} ${arg(second)}`);
        lines.push('!sessions', '!last_session');
        const caller = consoleCaller({ adminUserIds: [], adminRoleIds: [] });
        for (const line of lines) {
          const command = line.slice(1).split(' ')[0]!;
          if (!app.registry.find(command)) continue;
          const reply = await app.runner.runLine(line, { caller, transport: 'console' });
          if (!reply) continue;
          const rendered = renderReply(reply, app.config.console.outputDir, app.runner.prefix);
          process.stdout.write(`\n$ etbot run "${line}"\n${rendered.text}\n`);
        }
      } finally {
        await app.stop();
      }
    });
}
