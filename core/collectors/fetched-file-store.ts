/** What a collector remembers of a file it has handed to the importer. */
export interface FetchedFileRecord {
  name: string;
  size: number;
  /** Modification time at the source, ms since the epoch. */
  mtimeMs: number;
  /** Left out by the look-back window of the first start; never fetched later. */
  skipped?: boolean;
}

/** Remembers fetched files across restarts (the database in the app: FetchedRemoteFileStore). */
export interface FetchedFileStore {
  list(collector: string): Promise<Map<string, FetchedFileRecord>>;
  /** Inserts or updates the record of `file.name` for this collector. */
  record(collector: string, file: FetchedFileRecord): Promise<void>;
}

export function sameFile(a: FetchedFileRecord | undefined, b: FetchedFileRecord): boolean {
  return a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
