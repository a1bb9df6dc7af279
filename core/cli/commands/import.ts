import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataServices } from '../../data/tokens';
import type { Importer } from '../../ingest/importer';
import { addToSummary, emptySummary, importPaths, mergeSummary, type ImportSummary } from '../../ingest/import-paths';
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
      `${summary.duplicates.length} duplicates, ${summary.rejected.length} rejected, ${summary.warningCount} warnings`,
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
  if (summary.warningCount > 0) {
    lines.push('Skipped lines:');
    const shown = summary.warnings.slice(0, 20);
    for (const w of shown) lines.push(`  ${w.file} line ${w.line}: ${w.reason}`);
    if (summary.warningCount > shown.length) lines.push(`  ... and ${(summary.warningCount - shown.length).toLocaleString('en-US')} more`);
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
    .addHelpText(
      'after',
      '\nExamples:\n  etbot import fixtures/\n  etbot import /srv/et/legacy/gamestats --server eu1 --strict\n  etbot import --retry-rejected',
    )
    .action(async (paths: string[], options: ImportCliOptions) => {
      if (paths.length === 0 && !options.retryRejected) throw new CliUsageError('import: give files or folders to import, or --retry-rejected');
      for (const p of paths) if (!existsSync(p)) throw new CliUsageError(`import: ${p} does not exist`);
      const app = await bootApp(globals(), 'cli', { plugins: false });
      try {
        const importer = app.container.resolve<Importer>(DataServices.Importer.id);
        const started = process.hrtime.bigint();
        const summary = emptySummary();
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
          const result = await importPaths(
            importer,
            paths.map((p) => path.resolve(p)),
            {
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
            },
          );
          if (barStarted) bar!.stop();
          mergeSummary(summary, result);
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatImportSummary(summary, seconds)}\n`);
        process.exitCode = options.strict && summary.rejected.length > 0 ? ExitCode.rejected : ExitCode.ok;
      } finally {
        await app.stop();
      }
    });
}
