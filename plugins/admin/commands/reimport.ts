import fs from 'node:fs';
import path from 'node:path';
import { Colors, defineCommand, ReimportError, UsageError, type ImportOutcome } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

export function reimportCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'reimport',
    description: 'Import one stats file again (by its name, or a path to it)',
    category: 'admin',
    adminOnly: true,
    slow: true,
    args: [{ name: 'file', type: 'string', description: 'The file name as stored, or a path', required: true, rest: true }] as const,
    examples: ['!reimport 2025-10-25-211503-supply-round-1.txt'],
    async run(ctx, args) {
      const imports = s.imports();
      if (!imports) return unavailable('The importer');
      const source = `admin:${ctx.caller.id}`;
      let outcome: ImportOutcome;
      try {
        outcome =
          fs.existsSync(args.file) && fs.statSync(args.file).isFile()
            ? await imports.importFile(args.file, { source })
            : await imports.reimport(path.basename(args.file), { source });
      } catch (err) {
        if (err instanceof ReimportError) throw new UsageError(err.message);
        throw err;
      }
      const stillRejected = outcome.status === 'unchanged' && outcome.reason !== undefined;
      const detail = stillRejected
        ? ` (still rejected: ${outcome.reason})`
        : outcome.reason
          ? `: ${outcome.reason}`
          : outcome.duplicateOf
            ? ` of ${outcome.duplicateOf}`
            : '';
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
