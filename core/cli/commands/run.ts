import type { Command } from 'commander';
import { consoleCaller } from '../../transports/console/console-caller';
import { renderReply, replyToJson } from '../../transports/console/render-reply';
import { bootApp, type GlobalOptions } from '../boot';
import { ExitCode } from '../exit-codes';

interface RunOptions {
  json?: boolean;
  as?: string;
  roles?: string;
  out?: string;
}

export function registerRunCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('run')
    .description('run one bot command through the same host Discord uses and print the reply')
    .argument('<line>', 'the command line, e.g. "!stats seareal" (the prefix is optional)')
    .option('--json', 'print the reply object as JSON')
    .option('--as <userId>', 'act as this Discord user id (default: the local operator, an admin)')
    .option('--roles <ids>', 'comma-separated role ids of the --as user')
    .option('--out <dir>', 'folder for reply images (default: config console.outputDir)')
    .addHelpText('after', '\nExamples:\n  etbot run "!help"\n  etbot run "!stats seareal" --json\n  etbot run "!plugin disable stats" --as 123456789012345678')
    .action(async (line: string, options: RunOptions) => {
      const app = await bootApp(globals(), 'run');
      try {
        const caller = consoleCaller({
          as: options.as,
          roleIds: options.roles
            ?.split(',')
            .map((r) => r.trim())
            .filter(Boolean),
          adminUserIds: app.config.discord.adminUserIds,
          adminRoleIds: app.config.discord.adminRoleIds,
        });
        const reply = await app.runner.runLine(line, { caller, transport: 'console' });
        if (!reply) {
          process.stderr.write('Nothing to run: give a command such as "!help".\n');
          process.exitCode = ExitCode.usage;
          return;
        }
        const rendered = renderReply(reply, options.out ?? app.config.console.outputDir, app.runner.prefix);
        process.stdout.write(options.json ? `${JSON.stringify(replyToJson(reply, rendered.files), null, 2)}\n` : `${rendered.text}\n`);
        process.exitCode = reply.isError ? ExitCode.commandFailed : ExitCode.ok;
      } finally {
        await app.stop();
      }
    });
}
