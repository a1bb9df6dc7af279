import {
  Colors,
  defineCommand,
  formatAwardLine,
  nameFormatter,
  NO_ROUNDS_MESSAGE,
  type AwardRegistry,
  type DataStatusService,
  type Reply,
} from 'etbot/plugin-api';
import { resolveAwardScope, type ResolvedScope, type ScopeServices } from './award-scope';

export const AWARDS_FOOTER = 'Bots left out · K/D, kills per minute and time dead need 10 min played, accuracy 100 shots';

export function awardsCommand(registry: AwardRegistry, status: DataStatusService, services: ScopeServices) {
  return defineCommand({
    name: 'awards',
    aliases: ['award'],
    description: 'Awards (most damage, best K/D, longest spree...) for a session, a date, a map or a player',
    category: 'sessions',
    args: [
      {
        name: 'which',
        type: 'string',
        description: 'Session number, date, window (30d, 2025-11), map:<name> or player; default: the last session',
        rest: true,
      },
    ] as const,
    examples: ['!awards', '!awards 12', '!awards 2025-11-09', '!awards map:supply', '!awards snake'],
    async run(ctx, args) {
      if (!(await status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
      const resolved = await resolveAwardScope(args.which, ctx, services);
      if (!('scope' in resolved)) return resolved;
      return awardsReply(resolved, await registry.compute(resolved.scope), nameFormatter(ctx.transport));
    },
  });
}

function awardsReply(resolved: ResolvedScope, awards: Awaited<ReturnType<AwardRegistry['compute']>>, esc: (s: string) => string): Reply {
  const player = resolved.player;
  if (player) {
    const won = awards.filter((a) => a.winners.some((w) => w.guid === player.guid));
    if (won.length === 0) return { text: `${esc(player.name)} won no awards in ${resolved.label}.` };
    return {
      embeds: [
        {
          title: `Awards of ${esc(player.name)} · ${resolved.label}`,
          color: Colors.primary,
          description: won.map((a) => formatAwardLine(a, esc)).join('\n'),
          footer: AWARDS_FOOTER,
        },
      ],
    };
  }
  if (awards.length === 0) return { text: `No awards for ${resolved.label}: no rounds with players in it.` };
  return {
    embeds: [
      { title: `Awards · ${resolved.label}`, color: Colors.primary, description: awards.map((a) => formatAwardLine(a, esc)).join('\n'), footer: AWARDS_FOOTER },
    ],
  };
}
