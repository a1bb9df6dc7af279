import { clip, Colors, defineCommand, nameFormatter, NO_ROUNDS_MESSAGE, UsageError, type DataStatusService, type SessionService } from 'etbot/plugin-api';
import { sessionLine } from './render';

export function sessionsCommand(sessions: SessionService, status: DataStatusService) {
  return defineCommand({
    name: 'sessions',
    description: 'Gaming sessions of a month: date, length, maps, players, score',
    category: 'stats',
    args: [{ name: 'month', type: 'string', description: 'YYYY-MM; default: the month of the last session' }] as const,
    examples: ['!sessions', '!sessions 2025-10'],
    async run(ctx, args) {
      let month = args.month?.trim();
      if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`month must be YYYY-MM, got '${month}'`);
      if (!(await status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
      month ??= (await sessions.months(1))[0];
      if (!month) return { text: 'No gaming sessions yet.' };
      const list = await sessions.listMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
      const esc = nameFormatter(ctx.transport);
      const months = await sessions.months();
      const others = months.filter((m) => m !== month).slice(0, 6);
      return {
        embeds: [
          {
            title: `Gaming sessions in ${month}`,
            description: list.length > 0 ? clip(list.map((s) => sessionLine(s, esc)).join('\n'), 4096) : `No sessions in ${month}.`,
            color: Colors.primary,
            footer: `${ctx.prefix}session <number> shows one${others.length > 0 ? ` · other months: ${others.join(', ')}` : ''}`,
          },
        ],
      };
    },
  });
}
