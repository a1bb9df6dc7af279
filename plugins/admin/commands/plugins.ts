import { Colors, defineCommand, PluginControlError, UsageError } from 'etbot/plugin-api';
import type { AdminServiceSet } from '../services';

export function pluginsCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'plugins',
    description: 'The plugins, their version, state and what they registered',
    category: 'admin',
    adminOnly: true,
    examples: ['!plugins'],
    run(ctx) {
      const list = s.plugins.list();
      const bold = (t: string) => (ctx.transport === 'discord' ? `**${t}**` : t);
      return {
        embeds: [
          {
            title: `Plugins (${list.filter((p) => p.state === 'enabled').length} of ${list.length} enabled)`,
            color: Colors.primary,
            description: list
              .map((p) => {
                const what = p.state === 'enabled' ? ` - ${p.commands} commands, ${p.jobs} jobs, ${p.handlers} handlers` : '';
                return `${bold(p.id)} ${p.version ?? ''} ${p.state}${what}${p.error ? `\n  ${p.error}` : ''}`;
              })
              .join('\n')
              .slice(0, 4000),
            footer: '!plugin enable|disable|reload <id>',
          },
        ],
      };
    },
  });
}

export function pluginCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'plugin',
    description: 'Enable, disable or reload a plugin now (saved to plugins.json)',
    category: 'admin',
    adminOnly: true,
    args: [
      {
        name: 'action',
        type: 'choice',
        description: 'What to do',
        required: true,
        choices: [
          { name: 'enable', value: 'enable' },
          { name: 'disable', value: 'disable' },
          { name: 'reload', value: 'reload' },
        ],
      },
      { name: 'id', type: 'string', description: 'The plugin id (see !plugins)', required: true },
    ] as const,
    examples: ['!plugin disable maps', '!plugin enable maps', '!plugin reload stats'],
    async run(ctx, args) {
      if (args.action === 'disable' && args.id === 'admin') {
        throw new UsageError(
          'the admin plugin cannot disable itself (nothing could enable it again from chat): use `etbot plugins` on the server, or edit plugins.json',
        );
      }
      try {
        const { status, dependants } =
          args.action === 'enable'
            ? await s.plugins.enable(args.id)
            : args.action === 'disable'
              ? await s.plugins.disable(args.id)
              : await s.plugins.reload(args.id);
        ctx.logger.info({ plugin: args.id, action: args.action, by: ctx.caller.id }, `plugin ${args.id}: ${args.action} by ${ctx.caller.id}`);
        return {
          embeds: [
            {
              title: `Plugin ${status.id}: ${status.state}`,
              description: [
                status.state === 'enabled' ? `${status.commands} commands, ${status.jobs} jobs, ${status.handlers} handlers` : 'its commands and jobs are gone',
                ...dependants.map((line) => `also ${line}`),
              ].join('\n'),
              color: status.state === 'enabled' ? Colors.success : Colors.neutral,
              footer: args.action === 'reload' ? undefined : 'saved to plugins.json',
            },
          ],
        };
      } catch (err) {
        if (err instanceof PluginControlError) throw new UsageError(err.message);
        throw err;
      }
    },
  });
}
