import { defineCommand, escapeName } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

export function identitiesCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'identities',
    description: 'Players with more than one GUID (made with !merge)',
    category: 'admin',
    adminOnly: true,
    examples: ['!identities'],
    async run(ctx) {
      const identities = s.identities();
      if (!identities) return unavailable('The database');
      const list = await identities.list();
      if (list.length === 0) return { text: `No GUIDs are merged. ${ctx.prefix}merge <guid> <guid> makes two GUIDs one player.` };
      const lines = list.map((l) => {
        const members = l.members
          .map((m) => `${m.guid} (${m.rounds} rounds${m.mergedAt ? `, merged ${m.mergedAt.slice(0, 10)} by ${m.mergedBy}` : ''})`)
          .join(', ');
        return `${l.name ? escapeName(l.name) : l.identity}: ${members}`;
      });
      return { text: [`${list.length} player${list.length === 1 ? '' : 's'} with several GUIDs:`, ...lines].join('\n') };
    },
  });
}
