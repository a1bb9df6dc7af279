import { defineCommand, nameFormatter, NO_ROUNDS_MESSAGE, UsageError, type DataStatusService, type Reply, type SessionService } from 'etbot/plugin-api';
import type { SessionReplyExtensions } from './reply-extensions';
import { sessionEmbed, sessionLine } from './render';

export function sessionCommand(sessions: SessionService, status: DataStatusService, extensions: SessionReplyExtensions) {
  return defineCommand({
    name: 'session',
    description: 'One gaming session: maps, score, teams (default: the last one)',
    category: 'stats',
    args: [{ name: 'which', type: 'string', description: 'A date (YYYY-MM-DD) or a session number from !sessions' }] as const,
    examples: ['!session', '!session 2025-10-25', '!session 12'],
    async run(ctx, args) {
      const which = args.which?.trim();
      if (!(await status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
      const esc = nameFormatter(ctx.transport);
      let detail;
      if (which === undefined) {
        detail = await sessions.last();
      } else if (/^#?\d{1,9}$/.test(which)) {
        detail = await sessions.byNumber(Number(which.replace('#', '')));
        if (!detail) return { text: `No session #${which.replace('#', '')}. \`${ctx.prefix}sessions\` lists them.`, ephemeral: true };
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
}
