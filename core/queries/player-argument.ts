import type { CommandContext } from '../plugin-api/commands';
import type { Reply } from '../plugin-api/reply';
import { playerProblemReply } from './format';
import type { PlayerResolver } from './resolve-player';
import type { PlayerRef } from './types';

/** A command's player argument: the player, or the reply that says why there is none. */
export type PlayerArgument = { player: PlayerRef; reply?: undefined } | { player?: undefined; reply: Reply };

/**
 * What every player command starts with: `text` (a name, GUID, alias or @mention; nothing means
 * the caller's linked player) resolved to one player, or the ready "not found / which one? /
 * not linked / no data" reply.
 *
 *   const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
 *   if (!player) return reply;
 */
export async function resolvePlayerArgument(resolver: PlayerResolver, text: string | undefined, ctx: CommandContext): Promise<PlayerArgument> {
  const resolved = await resolver.resolve(text, ctx.caller);
  if (resolved.kind === 'found') return { player: resolved.player };
  return { reply: playerProblemReply(resolved, ctx.transport, ctx.prefix)! };
}
