import { defineCommand, escapeName, IdentityError, UsageError } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

export function mergeCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'merge',
    description: "Make two GUIDs one player (a new PC, a reinstall): the second joins the first's identity",
    category: 'admin',
    adminOnly: true,
    slow: true,
    args: [
      { name: 'guid', type: 'string', description: 'The GUID that stays (8 hex digits)', required: true },
      { name: 'other', type: 'string', description: 'The GUID that joins it', required: true },
    ] as const,
    examples: ['!merge 1A2B3C4D 5E6F7A8B'],
    async run(ctx, args) {
      const identities = s.identities();
      if (!identities) return unavailable('The database');
      let change;
      try {
        change = await identities.merge(args.guid, args.other, ctx.caller.id);
      } catch (err) {
        if (err instanceof IdentityError) throw new UsageError(err.message);
        throw err;
      }
      const listing = (await identities.list()).find((l) => l.identity === change.identity);
      const name = listing?.name ? ` (${escapeName(listing.name)})` : '';
      const joined = args.other.trim().toUpperCase();
      ctx.logger.info({ identity: change.identity, members: change.members, rounds: change.roundIds.length }, "GUIDs merged on an admin's request");
      return {
        text:
          `Merged ${joined} into ${change.identity}${name}: one player with ${change.members.length} GUIDs (${change.members.join(', ')}); ` +
          `${change.roundIds.length} stored rounds written again. Undo with ${ctx.prefix}unmerge ${joined}.`,
      };
    },
  });
}
