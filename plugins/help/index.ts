import { HostServices } from '../../core/app/tokens';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION, type Embed } from '../../core/plugin-api';
import { CoreServices } from '../../core/app/tokens';
import { UsageError } from '../../core/commands/errors';

const help = defineCommand({
  name: 'help',
  aliases: ['commands'],
  description: 'List the commands, or show how to use one',
  category: 'general',
  args: [{ name: 'command', type: 'string', description: 'A command name, e.g. stats' }] as const,
  examples: ['!help', '!help top'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'help',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: 'Lists the commands of every enabled plugin',
  },
  register(api) {
    const registry = api.services.get(CoreServices.Commands);
    const runner = api.services.get(HostServices.CommandRunner);
    api.command({
      ...help,
      run(ctx, args) {
        const prefix = runner.prefix;
        if (args.command) {
          const name = args.command.replace(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '').toLowerCase();
          const found = registry.find(name);
          if (!found) throw new UsageError(`no command '${name}'`);
          const def = found.definition;
          const fields = [{ name: 'Usage', value: `\`${runner.usage(found)}\`` }];
          if (def.aliases?.length) fields.push({ name: 'Aliases', value: def.aliases.map((a) => `\`${prefix}${a}\``).join(', ') });
          for (const arg of def.args ?? []) {
            const choices = arg.choices ? ` (${arg.choices.map((c) => c.value).join(', ')})` : '';
            fields.push({ name: `${arg.name}${arg.required ? '' : ' (optional)'}`, value: `${arg.description}${choices}` });
          }
          if (def.examples?.length) fields.push({ name: 'Examples', value: def.examples.map((e) => `\`${e}\``).join('\n') });
          const embed: Embed = {
            title: `${prefix}${def.name}`,
            description: def.description + (def.adminOnly ? '\nAdmins only.' : ''),
            color: Colors.primary,
            fields,
            footer: `plugin: ${found.pluginId}`,
          };
          return { embeds: [embed] };
        }
        const byCategory = new Map<string, string[]>();
        for (const cmd of registry.list()) {
          if (cmd.definition.adminOnly && !ctx.caller.isAdmin) continue;
          const category = cmd.definition.category ?? 'general';
          const lines = byCategory.get(category) ?? [];
          lines.push(`\`${prefix}${cmd.definition.name}\` ${cmd.definition.description}`);
          byCategory.set(category, lines);
        }
        return {
          embeds: [
            {
              title: 'etbot commands',
              color: Colors.primary,
              fields: [...byCategory].map(([category, lines]) => ({ name: category, value: lines.join('\n') })),
              footer: `${prefix}help <command> shows how to use one`,
            },
          ],
        };
      },
    });
  },
});
