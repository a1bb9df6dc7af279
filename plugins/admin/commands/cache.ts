import { defineCommand } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

export function cacheCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'cache',
    description: 'Clear the query cache',
    category: 'admin',
    adminOnly: true,
    args: [{ name: 'action', type: 'choice', description: 'What to do', required: true, choices: [{ name: 'clear', value: 'clear' }] }] as const,
    examples: ['!cache clear'],
    run() {
      const cache = s.cache();
      if (!cache) return unavailable('The query cache');
      const before = cache.stats().size;
      cache.invalidate();
      return { text: `Query cache cleared (${before} entries dropped).` };
    },
  });
}
