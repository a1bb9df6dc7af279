import type { Caller } from '../../core/plugin-api/commands';
import type { Reply } from '../../core/plugin-api/reply';

export const ALL_PLUGINS = ['stats', 'leaderboards', 'compare', 'weapons', 'maps', 'sessions', 'link'] as const;

export function discordUser(id: string, isAdmin = false): Caller {
  return { id, name: `user${id.slice(-3)}`, roleIds: [], isAdmin };
}

/** `name: value` of each field of the first embed. */
export function fields(reply: Reply): Record<string, string> {
  return Object.fromEntries((reply.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
}

/** The lines of the first embed's description. */
export function descriptionLines(reply: Reply): string[] {
  return (reply.embeds?.[0]?.description ?? '').split('\n');
}
