import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { UsageError } from '../../core/commands/errors';
import { LinkServices } from '../../core/links/tokens';
import { defineCommand, definePlugin, PLUGIN_API_VERSION, type Reply } from '../../core/plugin-api';
import { NO_ROUNDS_MESSAGE, nameFormatter, playerProblemReply, QueryServices, type PlayerRef } from '../../core/queries';

const USER = /^(?:<@!?(\d{15,22})>|(\d{15,22}))$/;
const GUID = /^[0-9A-Fa-f]{8}$/;

const link = defineCommand({
  name: 'link',
  description: 'Tie your Discord account to your player (admins: !link @user GUID)',
  category: 'general',
  args: [{ name: 'target', type: 'string', description: 'Your name or GUID; admins: @user then a name or GUID', required: true }] as const,
  examples: ['!link snake', '!link 1A2B3C4D', '!link @someone 1A2B3C4D'],
  run: () => ({}),
});

const unlink = defineCommand({
  name: 'unlink',
  description: 'Remove the link between your Discord account and your player (admins: !unlink @user)',
  category: 'general',
  args: [{ name: 'user', type: 'user', description: 'Admins: whose link to remove' }] as const,
  examples: ['!unlink'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'link',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!link and !unlink: Discord account <-> player',
  },
  register(api) {
    const links = api.services.get(LinkServices.Links);
    const players = api.services.get(QueryServices.Players);
    const status = api.services.get(QueryServices.DataStatus);
    const runner = api.services.get(HostServices.CommandRunner);

    /** A player from a name or GUID; an unseen well-formed GUID is accepted (it may play later). */
    async function target(text: string, transport: 'console' | 'discord'): Promise<{ player: PlayerRef; seen: boolean } | Reply> {
      const found = (await status.hasRounds()) ? await players.find(text) : null;
      if (found?.kind === 'found') return { player: found.player, seen: true };
      if (GUID.test(text) && found?.kind !== 'ambiguous') return { player: { guid: text.toUpperCase(), name: text.toUpperCase() }, seen: false };
      if (!found) return { text: `${NO_ROUNDS_MESSAGE} Link with your 8-character GUID instead.`, ephemeral: true };
      return playerProblemReply(found, transport, runner.prefix)!;
    }

    api.command({
      ...link,
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
          rest = args.target.trim().slice(words[0]!.length).trim().replace(/^"(.*)"$/, '$1');
        }
        if (!user && ctx.transport === 'console') throw new UsageError('on the console, name the Discord user first: link <user id> <player>');
        const t = await target(rest, ctx.transport);
        if (!('player' in t)) return t;
        const outcome = await links.link(userId, t.player.guid, { by: ctx.caller.id, force: ctx.caller.isAdmin && user !== null });
        const who = user ? `<@${userId}>` : 'You';
        const label = t.seen ? `${esc(t.player.name)} (\`${t.player.guid}\`)` : `GUID \`${t.player.guid}\` (not seen in any round yet)`;
        switch (outcome.kind) {
          case 'unchanged':
            return { text: `${who} ${user ? 'is' : 'are'} already linked to ${label}.`, ephemeral: true };
          case 'taken':
            return {
              text: `${label} is linked to another Discord account. Ask an admin to move it (\`${runner.prefix}link @user ${t.player.guid}\`).`,
              isError: true,
              ephemeral: true,
            };
          case 'linked':
            return { text: `${who} ${user ? 'is' : 'are'} now linked to ${label}.`, ephemeral: true };
        }
      },
    });

    api.command({
      ...unlink,
      async run(ctx, args) {
        const userId = args.user ?? ctx.caller.id;
        if (args.user && args.user !== ctx.caller.id && !ctx.caller.isAdmin) {
          return { text: "Only admins can remove another account's link.", isError: true, ephemeral: true };
        }
        const guid = await links.unlink(userId);
        const who = args.user ? `<@${userId}>` : 'You';
        return guid === null
          ? { text: `${who} had no linked player.`, ephemeral: true }
          : { text: `${who} ${args.user ? 'is' : 'are'} no longer linked to \`${guid}\`.`, ephemeral: true };
      },
    });
  },
});

