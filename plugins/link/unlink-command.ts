import { defineCommand, type LinkService } from 'etbot/plugin-api';

/** `!unlink` (admins: `!unlink @user`). */
export function unlinkCommand(links: LinkService) {
  return defineCommand({
    name: 'unlink',
    description: 'Remove the link between your Discord account and your player (admins: !unlink @user)',
    category: 'general',
    args: [{ name: 'user', type: 'user', description: 'Admins: whose link to remove' }] as const,
    examples: ['!unlink'],
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
}
