import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../../core/commands/errors';
import type { ImportOutcome, Importer } from '../../../core/ingest/importer';
import { REJECTED_CONTENT_BYTES } from '../../../core/ingest/file-limits';
import { Colors, defineCommand } from '../../../core/plugin-api';
import { unavailable } from '../format';
import type { AdminServices } from '../services';

/** What `!reimport` needs: the importer's own `reimport(name)` when it has one. */
type MaybeReimport = Importer & { reimport?: (name: string) => Promise<ImportOutcome> };

export function reimportCommand(s: AdminServices) {
  return defineCommand({
    name: 'reimport',
    description: 'Import one stats file again (by its name, or a path to it)',
    category: 'admin',
    adminOnly: true,
    slow: true,
    args: [{ name: 'file', type: 'string', description: 'The file name as stored, or a path', required: true, rest: true }] as const,
    examples: ['!reimport 2025-10-25-211503-supply-round-1.txt'],
    async run(ctx, args) {
      const importer = s.importer() as MaybeReimport | undefined;
      const db = s.database();
      if (!importer || !db) return unavailable('The importer');
      const source = `admin:${ctx.caller.id}`;
      let outcome: ImportOutcome;
      if (fs.existsSync(args.file) && fs.statSync(args.file).isFile()) {
        outcome = await importer.importFile(args.file, { source });
      } else if (typeof importer.reimport === 'function') {
        outcome = await importer.reimport(path.basename(args.file));
      } else {
        const row = await db.read((sql) => sql.one(`SELECT name, server_id, path, content, size FROM stats_files WHERE name = ?`, [path.basename(args.file)]));
        if (!row) throw new UsageError(`no stats file named '${path.basename(args.file)}' has been seen (give a path to import a new one)`);
        const opts = { source, serverId: String(row.server_id) };
        if (row.path !== null && fs.existsSync(String(row.path))) outcome = await importer.importFile(String(row.path), opts);
        else if (row.content !== null && Number(row.size) > REJECTED_CONTENT_BYTES) throw new UsageError(`only the first bytes of '${row.name}' were kept and it is no longer at ${row.path ?? 'its path'}: give a path to it`);
        else if (row.content !== null) outcome = await importer.importContent(String(row.name), String(row.content), opts);
        else throw new UsageError(`'${row.name}' is no longer at ${row.path ?? 'its path'} and no copy is stored: give a path to it`);
      }
      const stillRejected = outcome.status === 'unchanged' && outcome.reason !== undefined;
      const detail = stillRejected ? ` (still rejected: ${outcome.reason})` : outcome.reason ? `: ${outcome.reason}` : outcome.duplicateOf ? ` of ${outcome.duplicateOf}` : '';
      return {
        embeds: [
          {
            title: `Reimport ${outcome.file}`,
            description: `${outcome.status}${detail}` + (outcome.rederivedRoundIds.length ? `\n${outcome.rederivedRoundIds.length} other rounds updated` : ''),
            color: outcome.status === 'rejected' || stillRejected ? Colors.error : Colors.success,
          },
        ],
      };
    },
  });
}
