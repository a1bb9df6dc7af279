import { defineCommand } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

export function regroupCommand(s: AdminServiceSet) {
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
      const imports = s.imports();
      if (!imports) return unavailable('The database');
      const gap = s.config.import.sessionGapMinutes;
      const report = await imports.regroupSessions(gap);
      s.cache()?.invalidate();
      ctx.logger.info({ ...report, gapMinutes: gap }, "sessions regrouped on an admin's request");
      return {
        text: `Sessions regrouped with a ${gap}-minute gap: ${report.rounds} round times, ${report.sessionsBefore} sessions before, ${report.sessionsAfter} now.`,
      };
    },
  });
}
