import fs from 'node:fs/promises';
import path from 'node:path';
import { classifyFileName } from '../parsing';
import type { ImportOptions, ImportOutcome, Importer } from './importer';
import type { BatchOptions, ImportItem } from './import-batch';

export interface ImportSummary {
  files: number;
  imported: number;
  replaced: number;
  unchanged: number;
  duplicates: { file: string; duplicateOf: string }[];
  rejected: { file: string; reason: string }[];
  warnings: { file: string; line: number; reason: string }[];
}

export interface ImportPathsOptions extends ImportOptions, Pick<BatchOptions, 'maxFiles' | 'maxMs'> {
  onProgress?: (done: number, total: number, outcome: ImportOutcome) => void;
}

/**
 * The files that count (§9): regular `.txt` files given directly or found directly in a given
 * folder, minus the ignored kinds (endstats, _ws, engagements, ...), which are skipped silently.
 * Sorted by name so a run imports in a stable order (the result does not depend on it).
 */
export async function listStatsFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p);
    if (stat.isDirectory()) {
      for (const entry of await fs.readdir(p, { withFileTypes: true })) {
        if (entry.isFile() && classifyFileName(entry.name) !== 'ignored') files.push(path.join(p, entry.name));
      }
    } else if (stat.isFile() && classifyFileName(path.basename(p)) !== 'ignored') {
      files.push(p);
    }
  }
  return files.sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : path.basename(a) > path.basename(b) ? 1 : a < b ? -1 : 1));
}

/** Files read ahead of the importer at once (their content, a few MB, is held in memory meanwhile: two PostgreSQL batches). */
const READ_AHEAD = 1_000;

export async function importPaths(importer: Importer, paths: readonly string[], options: ImportPathsOptions): Promise<ImportSummary> {
  const files = await listStatsFiles(paths);
  const summary: ImportSummary = { files: files.length, imported: 0, replaced: 0, unchanged: 0, duplicates: [], rejected: [], warnings: [] };
  let done = 0;
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const items = await Promise.all(files.slice(start, start + READ_AHEAD).map(readItem));
    await importer.importMany(items, {
      ...options,
      onOutcome: (outcome) => {
        addToSummary(summary, outcome);
        options.onProgress?.(++done, files.length, outcome);
      },
    });
  }
  return summary;
}

async function readItem(file: string): Promise<ImportItem> {
  const localPath = path.resolve(file);
  try {
    return { name: path.basename(file), content: await fs.readFile(file), localPath };
  } catch (err) {
    return { name: path.basename(file), localPath, readError: `cannot read ${file}: ${(err as Error).message}` };
  }
}

export function addToSummary(summary: ImportSummary, o: ImportOutcome): void {
  switch (o.status) {
    case 'imported':
      summary.imported++;
      break;
    case 'replaced':
      summary.replaced++;
      break;
    case 'unchanged':
      summary.unchanged++;
      break;
    case 'duplicate':
      summary.duplicates.push({ file: o.file, duplicateOf: o.duplicateOf ?? '' });
      break;
    case 'rejected':
      summary.rejected.push({ file: o.file, reason: o.reason ?? 'rejected' });
      break;
  }
  for (const w of o.warnings) summary.warnings.push({ file: o.file, line: w.line, reason: w.reason });
}
