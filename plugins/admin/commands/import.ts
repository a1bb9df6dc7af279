import fs from 'node:fs';
import path from 'node:path';
import { Colors, defineCommand, UsageError, type EtbotConfig, type ImportSummary, type Reply } from 'etbot/plugin-api';
import { unavailable } from '../format';
import type { AdminServiceSet } from '../services';

/** The folders the configured collectors fill: local folders, and SFTP collectors' staging folders. */
export function collectorFolders(config: EtbotConfig): { folder: string; serverId: string; source: string }[] {
  const out: { folder: string; serverId: string; source: string }[] = [];
  for (const c of config.collectors) {
    if (c.type === 'local') out.push({ folder: path.resolve(c.path), serverId: c.serverId, source: c.name ?? `local:${c.path}` });
    else {
      const name = c.name ?? `sftp:${c.username}@${c.host}:${c.port}${c.remotePath}`;
      const staging = c.stagingDir ?? path.join(config.dataDir, 'staging', name.replace(/[^A-Za-z0-9._-]+/g, '_'));
      out.push({ folder: staging, serverId: c.serverId, source: name });
    }
  }
  return out;
}

export function summaryReply(title: string, summary: ImportSummary): Reply {
  const lines = [
    `${summary.files} files: ${summary.imported} imported, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ` +
      `${summary.duplicates.length} duplicates, ${summary.rejected.length} rejected`,
  ];
  for (const r of summary.rejected.slice(0, 10)) lines.push(`rejected ${r.file}: ${r.reason}`);
  if (summary.rejected.length > 10) lines.push(`... and ${summary.rejected.length - 10} more (see !rejected)`);
  if (summary.warningCount > 0) lines.push(`${summary.warningCount.toLocaleString('en-US')} skipped lines`);
  return { embeds: [{ title, description: lines.join('\n'), color: summary.rejected.length > 0 ? Colors.warning : Colors.success }] };
}

export function importCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'import',
    description: "Import (or rescan) now: the collectors' folders, or the file or folder given",
    category: 'admin',
    adminOnly: true,
    slow: true,
    args: [{ name: 'path', type: 'string', description: "A stats file or folder on the bot's machine", rest: true }] as const,
    examples: ['!import', '!import /srv/etl/stats'],
    async run(ctx, args) {
      const imports = s.imports();
      if (!imports) return unavailable('The importer');
      const targets = args.path
        ? [{ folder: path.resolve(args.path), serverId: 'default', source: `admin:${ctx.caller.id}` }]
        : collectorFolders(s.config).filter((t) => fs.existsSync(t.folder));
      if (targets.length === 0) throw new UsageError('no collector folders are configured (or none exists yet): give a path');
      for (const t of targets) if (!fs.existsSync(t.folder)) throw new UsageError(`${t.folder} does not exist`);
      const total = await imports.importFolders(targets);
      ctx.logger.info({ files: total.files, imported: total.imported, rejected: total.rejected.length }, 'import requested by an admin finished');
      return summaryReply(`Import of ${targets.map((t) => t.folder).join(', ')}`, total);
    },
  });
}
