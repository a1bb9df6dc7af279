import { Colors, defineCommand, nameFormatter, NO_ROUNDS_MESSAGE, type SessionRowsService } from 'etbot/plugin-api';
import { fitLines } from '../summary/format';
import type { TeamName } from './carry-names';
import type { TeamNamesService } from './team-names-service';

/** `!teams [session]`: a session's persistent teams, their names and players. */
export function teamsCommand(teamNames: TeamNamesService, rows: SessionRowsService) {
  return defineCommand({
    name: 'teams',
    description: "A session's two teams with their names and players (default: the last session)",
    category: 'sessions',
    args: [{ name: 'session', type: 'integer', description: 'Session number (as !sessions numbers them)', min: 1 }] as const,
    examples: ['!teams', '!teams 12'],
    async run(ctx, args) {
      const sessionId = args.session === undefined ? await rows.lastSessionId() : await rows.sessionIdByNumber(args.session);
      if (sessionId === null) return { text: (await rows.lastSessionId()) === null ? NO_ROUNDS_MESSAGE : `There is no session #${args.session}.` };
      const { history, names } = await teamNames.all();
      const session = history.sessions.find((s) => s.sessionId === sessionId)!;
      const esc = nameFormatter(ctx.transport);
      const fields = (['A', 'B'] as const).map((team) => {
        const members = history.members
          .filter((m) => m.sessionId === sessionId && m.team === team)
          .map((m) => esc(m.name))
          .sort((a, b) => a.localeCompare(b));
        const n = names.get(sessionId)?.[team];
        return { name: `Team ${team}${n ? ` · ${esc(n.name)}` : ''}`, value: `${n ? `${origin(n)}\n` : ''}${fitLines(members, 900)}` };
      });
      return {
        embeds: [
          {
            title: `Teams · session #${session.number} · ${session.startLocal.slice(0, 10)}`,
            color: Colors.primary,
            fields,
            footer: `Name a team: ${ctx.prefix}teamname ${session.number} A <name> (admins)`,
          },
        ],
      };
    },
  });
}

function origin(n: TeamName): string {
  if (n.source === 'set') return '_named in this session_';
  return `_kept from session #${n.fromSessionNumber} (${Math.round((n.share ?? 0) * 100)}% same players)_`;
}
