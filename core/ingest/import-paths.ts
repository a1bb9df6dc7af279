import fs from 'node:fs/promises';
import path from 'node:path';
import { unsafeNameReason } from './safe-names';
import { classifyFileName } from '../parsing';
import type { ImportOptions, ImportOutcome, Importer } from './importer';
import type { BatchOptions, ImportItem } from './import-batch';
import { readStatsFile } from './read-stats-file';
import { moreWarningsNote } from './warnings-record';

export interface ImportSummary {
  files: number;
  imported: number;
  replaced: number;
  unchanged: number;
  duplicates: { file: string; duplicateOf: string }[];
  rejected: { file: string; reason: string }[];
  /** Skipped lines: the first few of each file (see `warningCount` for them all). */
  warnings: { file: string; line: number; reason: string }[];
  /** Every skipped line of every file. */
  warningCount: number;
  /** Files with more skipped lines than kept: "and 129,980 more". */
  moreWarnings: { file: string; note: string }[];
}

export function emptySummary(): ImportSummary {
  return { files: 0, imported: 0, replaced: 0, unchanged: 0, duplicates: [], rejected: [], warnings: [], warningCount: 0, moreWarnings: [] };
}

/** Adds `from` to `into`, a row at a time (never spread into push: the lists can be long). */
export function mergeSummary(into: ImportSummary, from: ImportSummary): void {
  into.files += from.files;
  into.imported += from.imported;
  into.replaced += from.replaced;
  into.unchanged += from.unchanged;
  into.warningCount += from.warningCount;
  for (const d of from.duplicates) into.duplicates.push(d);
  for (const r of from.rejected) into.rejected.push(r);
  for (const w of from.warnings) into.warnings.push(w);
  for (const m of from.moreWarnings) into.moreWarnings.push(m);
}

export interface ImportPathsOptions extends ImportOptions, Pick<BatchOptions, 'maxFiles' | 'maxMs'> {
  onProgress?: (done: number, total: number, outcome: ImportOutcome) => void;
}

/**
 * The files that count (§9): `.txt` files given directly or found directly in a given folder,
 * minus the ignored kinds (endstats, _ws, engagements, ...), which are skipped silently. A link
 * named directly, or a `.txt` link in a folder, is listed so that it is recorded as rejected (it is
 * never followed). Sorted by name so a run imports in a stable order (the result does not depend on it).
 */
export async function listStatsFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const entry = await fs.lstat(p);
    // A folder named on the command line may be a link to it (the operator chose it); files never are followed.
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await fs.stat(p).catch(() => null))?.isDirectory())) {
      for (const child of await fs.readdir(p, { withFileTypes: true })) {
        if ((child.isFile() || child.isSymbolicLink()) && classifyFileName(child.name) !== 'ignored') files.push(path.join(p, child.name));
      }
    } else if ((entry.isFile() || entry.isSymbolicLink()) && classifyFileName(path.basename(p)) !== 'ignored') {
      files.push(p);
    }
  }
  return files.sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : path.basename(a) > path.basename(b) ? 1 : a < b ? -1 : 1));
}

/** Files read ahead of the importer at once (their content, a few MB, is held in memory meanwhile: two PostgreSQL batches). */
const READ_AHEAD = 1_000;

/** Bytes read ahead at most: with files up to import.maxFileBytes, READ_AHEAD of them could be gigabytes. */
const READ_AHEAD_BYTES = 64 * 1024 * 1024;
/** Files read at once. */
const READ_PARALLEL = 64;

export async function importPaths(importer: Importer, paths: readonly string[], options: ImportPathsOptions): Promise<ImportSummary> {
  const files = await listStatsFiles(paths);
  const summary = emptySummary();
  summary.files = files.length;
  let done = 0;
  for (let start = 0; start < files.length;) {
    const items: ImportItem[] = [];
    let bytes = 0;
    while (start < files.length && items.length < READ_AHEAD && bytes < READ_AHEAD_BYTES) {
      const group = files.slice(start, start + Math.min(READ_PARALLEL, READ_AHEAD - items.length));
      start += group.length;
      for (const item of await Promise.all(group.map((f) => readItem(f, importer.maxFileBytes)))) {
        items.push(item);
        bytes += item.content?.length ?? 0;
      }
    }
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

async function readItem(file: string, maxBytes: number): Promise<ImportItem> {
  const name = path.basename(file);
  const localPath = path.resolve(file);
  const unsafe = unsafeNameReason(name);
  if (unsafe !== null)
    return { name, localPath, unread: { reason: `the name ${JSON.stringify(name)} is not a stats file name: ${unsafe}`, preview: Buffer.alloc(0), size: 0 } };
  const read = await readStatsFile(file, maxBytes);
  return read.ok ? { name, content: read.content, localPath } : { name, localPath, unread: read };
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
  summary.warningCount += o.warningCount;
  const more = moreWarningsNote(o.warnings.length, o.warningCount);
  if (more) summary.moreWarnings.push({ file: o.file, note: more });
}
