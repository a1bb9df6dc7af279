import { Colors, defineCommand } from 'etbot/plugin-api';
import { codeBlock } from '../format';
import type { AdminServiceSet } from '../services';

export function auditCommand(s: AdminServiceSet, pageSize: number) {
  return defineCommand({
    name: 'audit',
    description: 'The latest admin actions: who ran what, when, and the result',
    category: 'admin',
    adminOnly: true,
    args: [{ name: 'page', type: 'integer', description: 'Page number', min: 1 }] as const,
    examples: ['!audit', '!audit 2'],
    async run(_ctx, args) {
      const audit = s.audit;
      const page = (args.page ?? 1) - 1;
      const entries = await audit.list({ limit: pageSize, offset: page * pageSize });
      if (entries.length === 0) return { text: page === 0 ? 'No admin actions recorded.' : `No page ${page + 1}.` };
      const lines = entries.map((e) => `${e.at.slice(0, 19).replace('T', ' ')} ${e.userId} ${e.command}${e.input ? ` ${e.input}` : ''} -> ${e.outcome}`);
      return {
        embeds: [{ title: 'Admin actions (newest first)', color: Colors.neutral, description: codeBlock(lines.join('\n')), footer: `Page ${page + 1}` }],
      };
    },
  });
}
