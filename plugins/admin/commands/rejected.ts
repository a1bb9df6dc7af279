import { Colors, defineCommand, type Reply, type StatsFilesService } from 'etbot/plugin-api';
import { field, unavailable } from '../format';
import type { AdminServiceSet } from '../services';

async function rejectedPage(files: StatsFilesService, page: number, pageSize: number): Promise<Reply> {
  const { total, files: rows } = await files.rejected({ limit: pageSize, offset: page * pageSize });
  if (total === 0) return { embeds: [{ title: 'Rejected files', description: 'No rejected files.', color: Colors.success }] };
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return {
    embeds: [
      {
        title: `Rejected files (${total})`,
        color: Colors.warning,
        fields: rows.map((r) => field(r.name, `${r.reason ?? 'no reason recorded'}\n(from ${r.source}, ${r.at.slice(0, 19).replace('T', ' ')})`)),
        footer: `Page ${page + 1} of ${pageCount} - !reimport <file> after fixing one`,
      },
    ],
    pagination: pageCount > 1 ? { page, pageCount, goTo: (p) => rejectedPage(files, p, pageSize) } : undefined,
  };
}

export function rejectedCommand(s: AdminServiceSet, pageSize: number) {
  return defineCommand({
    name: 'rejected',
    description: 'Rejected stats files and why, newest first',
    category: 'admin',
    adminOnly: true,
    args: [{ name: 'page', type: 'integer', description: 'Page number', min: 1 }] as const,
    examples: ['!rejected', '!rejected 2'],
    async run(_ctx, args) {
      const files = s.files();
      if (!files) return unavailable('The database');
      return rejectedPage(files, (args.page ?? 1) - 1, pageSize);
    },
  });
}
