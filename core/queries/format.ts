import type { Transport } from '../plugin-api/commands';
import type { Reply } from '../plugin-api/reply';
import { escapeName } from '../text/escape';
import { NO_ROUNDS_MESSAGE } from './data-status';
import type { ResolvedPlayer } from './resolve-player';

export { escapeName };

/**
 * Names and other data go through this before they enter a reply's markdown: escaped for Discord
 * (core/text/escape.ts); on the console only what its renderer reads as markup
 * (`**`, and the backslash itself) is escaped, so a name shows exactly as it is.
 */
export function nameFormatter(transport: Transport): (name: string) => string {
  return transport === 'discord' ? escapeName : escapeForConsole;
}

function escapeForConsole(name: string): string {
  return name.replace(/[\\*]/g, (c) => `\\${c}`);
}

/** Cuts text to Discord's limits (1024 for a field, 4096 for a description) at a line end, saying how much was left out. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max - 24) break;
    kept.push(line);
    length += line.length + 1;
  }
  if (kept.length === 0) return `${text.slice(0, max - 1)}…`;
  return `${kept.join('\n')}\n…and ${lines.length - kept.length} more`;
}

/** `12h 35m` (minutes floored); `35m` under an hour. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : `${m}m`;
}

/** A 2-decimal ratio as shown: `1.87`; `-` when unknown. */
export function formatRatio(value: number | null): string {
  return value === null ? '-' : value.toFixed(2);
}

/** `28.53%`; `-` when unknown. */
export function formatPercent(value: number | null): string {
  return value === null ? '-' : `${value.toFixed(2)}%`;
}

/** `2025-10-25 16:10` from `2025-10-25T16:10:02`. */
export function formatLocalTime(local: string | null): string {
  return local === null ? '-' : local.slice(0, 16).replace('T', ' ');
}

/**
 * The reply for a player argument that did not lead to one player, or null when it did
 * (the caller then goes on with `resolved.player`).
 */
export function playerProblemReply(resolved: ResolvedPlayer, transport: Transport, prefix = '!'): Reply | null {
  const esc = nameFormatter(transport);
  switch (resolved.kind) {
    case 'found':
      return null;
    case 'no-data':
      return { text: NO_ROUNDS_MESSAGE };
    case 'not-linked':
      return resolved.self
        ? { text: `Your Discord account is not linked to a player. Name a player, or link yourself with \`${prefix}link <name or GUID>\`.`, ephemeral: true }
        : { text: `<@${resolved.userId}> has not linked a player.`, ephemeral: true };
    case 'ambiguous': {
      const more = resolved.total > resolved.candidates.length ? `\n...and ${resolved.total - resolved.candidates.length} more.` : '';
      const list = resolved.candidates.map((c) => `- ${esc(c.name)} (\`${c.guid}\`)`).join('\n');
      return {
        text: `Several players match '${esc(resolved.query)}':\n${list}${more}\nType more of the name, or the GUID.`,
        ephemeral: true,
      };
    }
    case 'unknown': {
      const hint = resolved.suggestions.length > 0 ? ` Did you mean ${resolved.suggestions.map((s) => esc(s.name)).join(', ')}?` : '';
      return { text: `No player matches '${esc(resolved.query)}'.${hint}`, ephemeral: true };
    }
  }
}
