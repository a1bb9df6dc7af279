import { Colors, defineCommand, type Reply } from '../../../core/plugin-api';
import type { Database } from '../../../core/data/database';
import { num } from '../../../core/data/sql';
import { field, unavailable } from '../format';
import type { AdminServices } from '../services';

async function rejectedPage(db: Database, page: number, pageSize: number): Promise<Reply> {
  const { total, rows } = await db.read(async (sql) => {
    const count = await sql.one(`SELECT COUNT(*) AS n FROM stats_files WHERE status = 'rejected'`);
    const rows = await sql.all(
      `SELECT name, reason, source, updated_at FROM stats_files WHERE status = 'rejected' ORDER BY updated_at DESC, ${sql.bytewise('name')} LIMIT ? OFFSET ?`,
      [pageSize, page * pageSize],
    );
    return { total: num(count?.n), rows };
  });
  if (total === 0) return { embeds: [{ title: 'Rejected files', description: 'No rejected files.', color: Colors.success }] };
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return {
    embeds: [
      {
        title: `Rejected files (${total})`,
        color: Colors.warning,
        fields: rows.map((r) => field(String(r.name), `${String(r.reason ?? 'no reason recorded')}\n(from ${String(r.source)}, ${String(r.updated_at).slice(0, 19).replace('T', ' ')})`)),
        footer: `Page ${page + 1} of ${pageCount} - !reimport <file> after fixing one`,
      },
    ],
    pagination: pageCount > 1 ? { page, pageCount, goTo: (p) => rejectedPage(db, p, pageSize) } : undefined,
  };
}

export function rejectedCommand(s: AdminServices, pageSize: number) {
  return defineCommand({
    name: 'rejected',
    description: 'Rejected stats files and why, newest first',
    category: 'admin',
    adminOnly: true,
    args: [{ name: 'page', type: 'integer', description: 'Page number', min: 1 }] as const,
    examples: ['!rejected', '!rejected 2'],
    async run(_ctx, args) {
      const db = s.database();
      if (!db) return unavailable('The database');
      return rejectedPage(db, (args.page ?? 1) - 1, pageSize);
    },
  });
}
