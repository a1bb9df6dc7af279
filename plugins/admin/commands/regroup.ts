import { regroupAllSessions } from '../../../core/maintenance/regroup-sessions';
import { defineCommand } from '../../../core/plugin-api';
import { unavailable } from '../format';
import type { AdminServices } from '../services';

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
      const db = s.database();
      if (!db) return unavailable('The database');
      const gap = s.config.import.sessionGapMinutes;
      const report = await regroupAllSessions(db, gap);
      s.cache()?.invalidate();
      ctx.logger.info({ ...report, gapMinutes: gap }, 'sessions regrouped on an admin\'s request');
      return {
        text: `Sessions regrouped with a ${gap}-minute gap: ${report.rounds} round times, ${report.sessionsBefore} sessions before, ${report.sessionsAfter} now.`,
      };
    },
  });
}
