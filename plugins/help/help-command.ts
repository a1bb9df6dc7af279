import { Colors, defineCommand, UsageError, type CatalogCommand, type CommandCatalog, type Embed, type Reply } from 'etbot/plugin-api';

/** `!help [command]`: every command by category, or how to use one. */
export function helpCommand(catalog: CommandCatalog) {
  return defineCommand({
    name: 'help',
    aliases: ['commands'],
    description: 'List the commands, or show how to use one',
    category: 'general',
    args: [{ name: 'command', type: 'string', description: 'A command name, e.g. stats' }] as const,
    examples: ['!help', '!help top'],
    run(ctx, args) {
      if (args.command) {
        const name = args.command.replace(new RegExp(`^${ctx.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '').toLowerCase();
        const found = catalog.find(name);
        if (!found) throw new UsageError(`no command '${name}'`);
        return usageReply(catalog, found, ctx.prefix);
      }
      const byCategory = new Map<string, string[]>();
      for (const cmd of catalog.list()) {
        if (cmd.definition.adminOnly && !ctx.caller.isAdmin) continue;
        const category = cmd.definition.category ?? 'general';
        const lines = byCategory.get(category) ?? [];
        lines.push(`\`${ctx.prefix}${cmd.definition.name}\` ${cmd.definition.description}`);
        byCategory.set(category, lines);
      }
      return {
        embeds: [
          {
            title: 'etbot commands',
            color: Colors.primary,
            fields: [...byCategory].map(([category, lines]) => ({ name: category, value: lines.join('\n') })),
            footer: `${ctx.prefix}help <command> shows how to use one`,
          },
        ],
      };
    },
  });
}

function usageReply(catalog: CommandCatalog, found: CatalogCommand, prefix: string): Reply {
  const def = found.definition;
  const fields = [{ name: 'Usage', value: `\`${catalog.usage(found)}\`` }];
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
