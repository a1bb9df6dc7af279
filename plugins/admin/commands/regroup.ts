import type { Importer } from '../../../core/ingest/importer';
import { defineCommand } from '../../../core/plugin-api';
import { unavailable } from '../format';
import type { AdminServices } from '../services';

/** The importer's session regrouping, once it offers one. */
type MaybeRegroup = Importer & { regroupSessions?: () => Promise<unknown> };

export function regroupCommand(s: AdminServices) {
  return defineCommand({
    name: 'regroup',
    aliases: ['regroup-sessions'],
    description: 'Regroup every round into gaming sessions again (after changing import.sessionGapMinutes)',
    category: 'admin',
    adminOnly: true,
    slow: true,
    args: [{ name: 'what', type: 'choice', description: 'What to regroup', choices: [{ name: 'sessions', value: 'sessions' }] }] as const,
    examples: ['!regroup sessions'],
    async run(ctx) {
      const importer = s.importer() as MaybeRegroup | undefined;
      if (!importer) return unavailable('The importer');
      if (typeof importer.regroupSessions !== 'function') {
        return { text: 'This build\'s importer cannot regroup sessions on demand yet.', isError: true, ephemeral: true };
      }
      const result = await importer.regroupSessions();
      s.cache()?.invalidate();
      ctx.logger.info({ result }, 'sessions regrouped on an admin\'s request');
      return { text: `Sessions regrouped.${typeof result === 'object' && result !== null ? ` ${JSON.stringify(result)}` : ''}` };
    },
  });
}
