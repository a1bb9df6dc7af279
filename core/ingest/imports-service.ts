import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../data/database';
import { REJECTED_CONTENT_BYTES } from './file-limits';
import { emptySummary, importPaths, mergeSummary, type ImportPathsOptions, type ImportSummary } from './import-paths';
import type { ImportOptions, ImportOutcome, Importer } from './importer';
import { regroupAllSessions, type RegroupReport } from './regroup-sessions';

/** Why a stored file cannot be imported again, in words for an admin. */
export class ReimportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReimportError';
  }
}

/**
 * Import on request (the admin plugin's `!import`, `!reimport`, `!regroup`): the same importer the
 * collectors feed, so a file imported this way is imported exactly as a collected one.
 */
export class ImportsService {
  constructor(
    private readonly importer: Importer,
    private readonly db: Database,
  ) {}

  /** Files and folders (folders: every stats file in them), as `etbot import` does. */
  importPaths(paths: readonly string[], options: ImportPathsOptions): Promise<ImportSummary> {
    return importPaths(this.importer, paths, options);
  }

  /** Several folders, each with its own source and server id (the collectors' folders), in one summary. */
  async importFolders(targets: readonly { folder: string; source: string; serverId: string }[]): Promise<ImportSummary> {
    const total = emptySummary();
    for (const t of targets) mergeSummary(total, await importPaths(this.importer, [t.folder], { source: t.source, serverId: t.serverId }));
    return total;
  }

  importFile(file: string, options: ImportOptions): Promise<ImportOutcome> {
    return this.importer.importFile(file, options);
  }

  /** A file seen before, by its stored name: from its path when it is still there, else from the stored copy. */
  async reimport(name: string, options: { source: string }): Promise<ImportOutcome> {
    const base = path.basename(name);
    const row = await this.db.read((sql) => sql.one(`SELECT name, server_id, path, content, size FROM stats_files WHERE name = ?`, [base]));
    if (!row) throw new ReimportError(`no stats file named '${base}' has been seen (give a path to import a new one)`);
    const opts = { source: options.source, serverId: String(row.server_id) };
    if (row.path !== null && fs.existsSync(String(row.path))) return this.importer.importFile(String(row.path), opts);
    // A rejected file's stored copy is cut at REJECTED_CONTENT_BYTES: importing the cut copy would store a different file.
    if (row.content !== null && Number(row.size) > REJECTED_CONTENT_BYTES) {
      throw new ReimportError(
        `only the first bytes of '${String(row.name)}' were kept and it is no longer at ${String(row.path ?? 'its path')}: give a path to it`,
      );
    }
    if (row.content !== null) return this.importer.importContent(String(row.name), String(row.content), opts);
    throw new ReimportError(`'${String(row.name)}' is no longer at ${String(row.path ?? 'its path')} and no copy is stored: give a path to it`);
  }

  /** Every round into gaming sessions again, with this gap (after `import.sessionGapMinutes` changed). */
  regroupSessions(gapMinutes: number): Promise<RegroupReport> {
    return regroupAllSessions(this.db, gapMinutes, this.importer.bots);
  }
}
