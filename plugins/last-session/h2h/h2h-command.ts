import {
  defineCommand,
  nameFormatter,
  NO_ROUNDS_MESSAGE,
  UsageError,
  type PlayerResolver,
  type PlayerRoundsService,
  type PlayerRef,
  type Reply,
  type CommandContext,
} from 'etbot/plugin-api';
import { resolvePlayerArgument } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';
import { findNamedTeam, type NamedTeamSessions, type TeamNamesService } from '../teams/team-names-service';
import { headToHeadEmbed } from './h2h-embed';
import { playersHeadToHead } from './player-head-to-head';
import { teamHeadToHead } from './team-head-to-head';

export interface HeadToHeadDeps {
  teamNames: TeamNamesService;
  resolver: PlayerResolver;
  playerRounds: PlayerRoundsService;
}

type Side = { kind: 'team'; team: NamedTeamSessions } | { kind: 'player'; player: PlayerRef };

export function h2hCommand(deps: HeadToHeadDeps) {
  return defineCommand({
    name: 'h2h',
    aliases: ['headtohead'],
    description: 'Two teams (by name) or two players head-to-head over all sessions: sessions and maps won, map by map',
    category: 'sessions',
    args: [{ name: 'sides', type: 'string', description: '<team or player> vs <team or player> (or two single words)', required: true, rest: true }] as const,
    examples: ['!h2h Wolves vs Foxes', '!h2h slasher viper?'],
    async run(ctx, args) {
      const [firstText, secondText] = splitSides(args.sides);
      const { history, names } = await deps.teamNames.all();
      if (history.sessions.length === 0) return { text: NO_ROUNDS_MESSAGE };
      const first = await resolveSide(firstText, names, deps.resolver, ctx);
      if ('reply' in first) return first.reply;
      const second = await resolveSide(secondText, names, deps.resolver, ctx);
      if ('reply' in second) return second.reply;
      const esc = nameFormatter(ctx.transport);
      if (first.kind === 'team' && second.kind === 'team') {
        const sides = new Map<number, [TeamId, TeamId]>();
        for (const [sessionId, team] of first.team.sides) {
          const other = second.team.sides.get(sessionId);
          if (other && other !== team) sides.set(sessionId, [team, other]);
        }
        const full = { ...history, maps: await deps.teamNames.history.mapsOfSessions([...sides.keys()]) };
        return { embeds: [headToHeadEmbed(first.team.name, second.team.name, teamHeadToHead(full, sides), esc)] };
      }
      if (first.kind === 'player' && second.kind === 'player') {
        if (first.player.guid === second.player.guid) throw new UsageError('name two different players');
        const both = [first.player.guid, second.player.guid];
        // Only the sessions both played in: regulars have tens of thousands of rows, shared sessions are few.
        const shared = await deps.playerRounds.sessionsWithAll(both);
        const rows = await deps.playerRounds.ofPlayers(both, { sessionIds: shared });
        const full = { ...history, maps: await deps.teamNames.history.mapsOfSessions(shared) };
        const h = playersHeadToHead(full, rows, first.player.guid, second.player.guid);
        return { embeds: [headToHeadEmbed(first.player.name, second.player.name, h.against, esc, h.together)] };
      }
      throw new UsageError('compare two teams or two players (a team name is one a session team has: see !teams)');
    },
  });
}

/** `a vs b`, or exactly two words. */
function splitSides(text: string): [string, string] {
  const vs = text.split(/\s+vs\.?\s+/i);
  if (vs.length === 2 && vs[0]!.trim() && vs[1]!.trim()) return [vs[0]!.trim(), vs[1]!.trim()];
  const words = text.trim().split(/\s+/);
  if (words.length === 2) return [words[0]!, words[1]!];
  throw new UsageError('name two sides: `<team or player> vs <team or player>`');
}

async function resolveSide(
  text: string,
  names: Parameters<typeof findNamedTeam>[0],
  resolver: PlayerResolver,
  ctx: CommandContext,
): Promise<Side | { reply: Reply }> {
  const team = findNamedTeam(names, text);
  if (team) return { kind: 'team', team };
  const { player, reply } = await resolvePlayerArgument(resolver, text, ctx);
  return player ? { kind: 'player', player } : { reply };
}
