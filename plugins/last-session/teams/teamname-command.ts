import { defineCommand, NO_ROUNDS_MESSAGE, UsageError, type SessionRowsService } from 'etbot/plugin-api';
import type { TeamNamesService } from './team-names-service';

const MAX_NAME = 32;

/** `!teamname <session> <A|B> <name>`: admins name a session's persistent team. */
export function teamNameCommand(teamNames: TeamNamesService, rows: SessionRowsService, minShare: number) {
  return defineCommand({
    name: 'teamname',
    description: `Name a session's team A or B (kept later while ${Math.round(minShare * 100)}% of the players stay together)`,
    category: 'sessions',
    adminOnly: true,
    args: [
      { name: 'session', type: 'integer', description: 'Session number (as !sessions numbers them)', required: true, min: 1 },
      {
        name: 'team',
        type: 'choice',
        description: 'Which team',
        required: true,
        choices: [
          { name: 'A', value: 'A' },
          { name: 'B', value: 'B' },
        ],
      },
      { name: 'name', type: 'string', description: 'The team name', required: true, rest: true },
    ] as const,
    examples: ['!teamname 12 A Wolves'],
    async run(ctx, args) {
      const name = args.name.trim().replace(/\s+/g, ' ');
      if (name.length === 0 || name.length > MAX_NAME) throw new UsageError(`a team name has 1 to ${MAX_NAME} characters`);
      if (/^\d+$/.test(name)) throw new UsageError('a team name needs a letter (numbers are sessions)');
      const sessionId = await rows.sessionIdByNumber(args.session);
      if (sessionId === null) return { text: (await rows.lastSessionId()) === null ? NO_ROUNDS_MESSAGE : `There is no session #${args.session}.` };
      await teamNames.set(sessionId, args.team === 'B' ? 'B' : 'A', name, ctx.caller.name);
      return { text: `Team ${args.team} of session #${args.session} is now called ${name}. See ${ctx.prefix}teams ${args.session}.` };
    },
  });
}
