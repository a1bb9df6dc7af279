import { defineCommand, IdentityError, UsageError } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

export function unmergeCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'unmerge',
    description: 'Make a merged GUID its own player again (undoes !merge)',
    category: 'admin',
    adminOnly: true,
    slow: true,
    args: [{ name: 'guid', type: 'string', description: 'The GUID to set apart (8 hex digits)', required: true }] as const,
    examples: ['!unmerge 5E6F7A8B'],
    async run(ctx, args) {
      const identities = s.identities();
      if (!identities) return unavailable('The database');
      let change;
      try {
        change = await identities.unmerge(args.guid);
      } catch (err) {
        if (err instanceof IdentityError) throw new UsageError(err.message);
        throw err;
      }
      ctx.logger.info({ guid: change.identity, rest: change.members, rounds: change.roundIds.length }, "GUID set apart on an admin's request");
      const rest = change.members.length > 0 ? ` The others stay one player: ${change.members.join(', ')}.` : '';
      return { text: `${change.identity} is its own player again; ${change.roundIds.length} stored rounds written again.${rest}` };
    },
  });
}
