import type { Command } from 'commander';
import { handleShutdownSignals } from '../../app/shutdown';
import { bootApp, type GlobalOptions } from '../boot';

export function registerStartCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('start')
    .description('run the bot: database, collectors, scheduled jobs, plugins and Discord (when DISCORD_TOKEN is set)')
    .addHelpText('after', '\nStops gracefully on SIGTERM or SIGINT (a second signal forces the exit).')
    .action(async () => {
      const startedAt = process.hrtime.bigint();
      const app = await bootApp(globals(), 'start');
      const keepAlive = setInterval(() => undefined, 1 << 30);
      const plugins = app.plugins.list();
      const enabled = plugins.filter((p) => p.state === 'enabled').length;
      const failed = plugins.filter((p) => p.state === 'failed');
      const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
      app.logger.info(
        { plugins: enabled, failed: failed.map((p) => p.id), commands: app.registry.list().length, readyMs: Math.round(ms) },
        `etbot ready in ${Math.round(ms)} ms: ${enabled} plugins, ${app.registry.list().length} commands`,
      );
      const { stopped } = handleShutdownSignals({ logger: app.logger, stop: () => app.stop() });
      await stopped;
      clearInterval(keepAlive);
      app.logger.info('etbot stopped');
    });
}
