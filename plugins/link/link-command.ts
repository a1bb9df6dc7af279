import { defineCommand, nameFormatter, UsageError, type LinkService } from 'etbot/plugin-api';
import type { LinkTargets } from './link-targets';

const USER = /^(?:<@!?(\d{15,22})>|(\d{15,22}))$/;

/** `!link <name or GUID>` (admins: `!link @user <name or GUID>`). */
export function linkCommand(links: LinkService, targets: LinkTargets) {
  return defineCommand({
    name: 'link',
    description: 'Tie your Discord account to your player (admins: !link @user GUID)',
    category: 'general',
    args: [{ name: 'target', type: 'string', description: 'Your name or GUID; admins: @user then a name or GUID', required: true }] as const,
    examples: ['!link snake', '!link 1A2B3C4D', '!link @someone 1A2B3C4D'],
    async run(ctx, args) {
      const esc = nameFormatter(ctx.transport);
      const words = args.target.trim().split(/\s+/);
      const user = USER.exec(words[0]!);
      let userId = ctx.caller.id;
      let rest = args.target.trim();
      if (user) {
        if (!ctx.caller.isAdmin) return { text: 'Only admins can link another account.', isError: true, ephemeral: true };
        if (words.length < 2) throw new UsageError('name the player or GUID after the user');
        userId = user[1] ?? user[2]!;
        rest = args.target
          .trim()
          .slice(words[0]!.length)
          .trim()
          .replace(/^"(.*)"$/, '$1');
      }
      if (!user && ctx.transport === 'console') throw new UsageError('on the console, name the Discord user first: link <user id> <player>');
      const t = await targets.find(rest, ctx);
      if (!('player' in t)) return t;
      const outcome = await links.link(userId, t.player.guid, { by: ctx.caller.id, force: ctx.caller.isAdmin && user !== null });
      const who = user ? `<@${userId}>` : 'You';
      const label = t.seen ? `${esc(t.player.name)} (\`${t.player.guid}\`)` : `GUID \`${t.player.guid}\` (not seen in any round yet)`;
      switch (outcome.kind) {
        case 'unchanged':
          return { text: `${who} ${user ? 'is' : 'are'} already linked to ${label}.`, ephemeral: true };
        case 'taken':
          return {
            text: `${label} is linked to another Discord account. Ask an admin to move it (\`${ctx.prefix}link @user ${t.player.guid}\`).`,
            isError: true,
            ephemeral: true,
          };
        case 'linked':
          return { text: `${who} ${user ? 'is' : 'are'} now linked to ${label}.`, ephemeral: true };
      }
    },
  });
}
