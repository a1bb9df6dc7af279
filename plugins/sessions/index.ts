import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { UsageError } from '../../core/commands/errors';
import { Colors, defineCommand, definePlugin, PLUGIN_API_VERSION, type Reply } from '../../core/plugin-api';
import { clip, NO_ROUNDS_MESSAGE, nameFormatter, QueryServices } from '../../core/queries';
import { sessionEmbed, sessionLine } from './render';

const sessionsCommand = defineCommand({
  name: 'sessions',
  description: 'Gaming sessions of a month: date, length, maps, players, score',
  category: 'stats',
  args: [{ name: 'month', type: 'string', description: 'YYYY-MM; default: the month of the last session' }] as const,
  examples: ['!sessions', '!sessions 2025-10'],
  run: () => ({}),
});

const sessionCommand = defineCommand({
  name: 'session',
  description: 'One gaming session: maps, score, teams (default: the last one)',
  category: 'stats',
  args: [{ name: 'which', type: 'string', description: 'A date (YYYY-MM-DD) or a session number from !sessions' }] as const,
  examples: ['!session', '!session 2025-10-25', '!session 12'],
  run: () => ({}),
});

export default definePlugin({
  manifest: {
    id: 'sessions',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: '!sessions and !session: gaming sessions',
  },
  register(api) {
    const sessions = api.services.get(QueryServices.Sessions);
    const status = api.services.get(QueryServices.DataStatus);
    const extensions = api.services.get(QueryServices.SessionReplyExtensions);
    const runner = api.services.get(HostServices.CommandRunner);

    api.command({
      ...sessionsCommand,
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
              footer: `${runner.prefix}session <number> shows one${others.length > 0 ? ` · other months: ${others.join(', ')}` : ''}`,
            },
          ],
        };
      },
    });

    api.command({
      ...sessionCommand,
      async run(ctx, args) {
        const which = args.which?.trim();
        if (!(await status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
        const esc = nameFormatter(ctx.transport);
        let detail;
        if (which === undefined) {
          detail = await sessions.last();
        } else if (/^#?\d{1,9}$/.test(which)) {
          detail = await sessions.byNumber(Number(which.replace('#', '')));
          if (!detail) return { text: `No session #${which.replace('#', '')}. \`${runner.prefix}sessions\` lists them.`, ephemeral: true };
        } else if (/^\d{4}-\d{2}-\d{2}$/.test(which)) {
          const onDate = await sessions.onDate(which);
          if (onDate.length === 0) return { text: `No session started on ${which}.`, ephemeral: true };
          if (onDate.length > 1) {
            return {
              text: `${onDate.length} sessions started on ${which}; pick one by number:\n${onDate.map((s) => sessionLine(s, esc)).join('\n')}`,
            };
          }
          detail = await sessions.detail(onDate[0]!.id);
        } else {
          throw new UsageError(`'${which}' is neither a date (YYYY-MM-DD) nor a session number`);
        }
        if (!detail) return { text: 'No gaming sessions yet.' };
        const reply: Reply = { embeds: [sessionEmbed(detail, esc)] };
        const files = await extensions.files(detail, (owner, err) => ctx.logger.warn({ err, owner }, `session extension ${owner} failed`));
        if (files.length > 0) {
          reply.files = files;
          reply.embeds![0]!.image = files[0]!.name;
        }
        return reply;
      },
    });
  },
});
