import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataServices } from '../../data/tokens';
import type { Importer } from '../../ingest/importer';
import { addToSummary, importPaths, type ImportSummary } from '../../ingest/import-paths';
import { bootApp, type GlobalOptions } from '../boot';
import { CliUsageError, ExitCode } from '../exit-codes';

interface ImportCliOptions {
  retryRejected?: boolean;
  strict?: boolean;
  server: string;
  json?: boolean;
  progress?: boolean;
}

/** Prints what an import did: counts, then every rejection with its reason, then warnings. */
export function formatImportSummary(summary: ImportSummary, seconds: number): string {
  const rate = seconds > 0 ? ` in ${seconds.toFixed(1)} s (${Math.round(summary.files / seconds)} files/s)` : '';
  const lines = [
    `${summary.files} files${rate}: ${summary.imported} imported, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ` +
      `${summary.duplicates.length} duplicates, ${summary.rejected.length} rejected, ${summary.warnings.length} warnings`,
  ];
  if (summary.rejected.length > 0) {
    lines.push('Rejected:');
    for (const r of summary.rejected) lines.push(`  ${r.file}: ${r.reason}`);
  }
  if (summary.duplicates.length > 0) {
    lines.push('Duplicates:');
    for (const d of summary.duplicates.slice(0, 20)) lines.push(`  ${d.file} (same content as ${d.duplicateOf})`);
    if (summary.duplicates.length > 20) lines.push(`  ... and ${summary.duplicates.length - 20} more`);
  }
  if (summary.warnings.length > 0) {
    lines.push('Skipped lines:');
    for (const w of summary.warnings.slice(0, 20)) lines.push(`  ${w.file} line ${w.line}: ${w.reason}`);
    if (summary.warnings.length > 20) lines.push(`  ... and ${summary.warnings.length - 20} more`);
  }
  return lines.join('\n');
}

export function registerImportCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('import round stats files or folders (each file exactly once; duplicates and bad files are reported)')
    .argument('[paths...]', 'files or folders of round stats files')
    .option('--retry-rejected', 'try every earlier rejected file again')
    .option('--strict', `exit with code ${ExitCode.rejected} when any file is rejected`)
    .option('--server <id>', 'server id stored on the rounds (pairing and sessions are per server)', 'default')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .addHelpText('after', '\nExamples:\n  etbot import fixtures/\n  etbot import /srv/et/legacy/gamestats --server eu1 --strict\n  etbot import --retry-rejected')
    .action(async (paths: string[], options: ImportCliOptions) => {
      if (paths.length === 0 && !options.retryRejected) throw new CliUsageError('import: give files or folders to import, or --retry-rejected');
      for (const p of paths) if (!existsSync(p)) throw new CliUsageError(`import: ${p} does not exist`);
      const app = await bootApp(globals(), 'cli', { plugins: false });
      try {
        const importer = app.container.resolve<Importer>(DataServices.Importer.id);
        const started = process.hrtime.bigint();
        const summary: ImportSummary = { files: 0, imported: 0, replaced: 0, unchanged: 0, duplicates: [], rejected: [], warnings: [] };
        if (options.retryRejected) {
          const outcomes = await importer.retryRejected();
          summary.files += outcomes.length;
          for (const o of outcomes) addToSummary(summary, o);
        }
        if (paths.length > 0) {
          const showBar = options.progress !== false && Boolean(process.stderr.isTTY) && !options.json;
          const bar = showBar
            ? new cliProgress.SingleBar(
                { format: 'importing [{bar}] {percentage}% | {value}/{total} files | {speed} files/s | ETA {eta_formatted}', stream: process.stderr },
                cliProgress.Presets.shades_classic,
              )
            : null;
          let barStarted = false;
          const t0 = Date.now();
          const result = await importPaths(importer, paths.map((p) => path.resolve(p)), {
            source: 'cli',
            serverId: options.server,
            onProgress: (done, total) => {
              if (!bar) return;
              if (!barStarted) {
                bar.start(total, 0, { speed: '0' });
                barStarted = true;
              }
              const seconds = (Date.now() - t0) / 1000;
              bar.update(done, { speed: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
            },
          });
          if (barStarted) bar!.stop();
          summary.files += result.files;
          summary.imported += result.imported;
          summary.replaced += result.replaced;
          summary.unchanged += result.unchanged;
          summary.duplicates.push(...result.duplicates);
          summary.rejected.push(...result.rejected);
          summary.warnings.push(...result.warnings);
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatImportSummary(summary, seconds)}\n`);
        process.exitCode = options.strict && summary.rejected.length > 0 ? ExitCode.rejected : ExitCode.ok;
      } finally {
        await app.stop();
      }
    });
}
