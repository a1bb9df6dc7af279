/** Default of `import.maxFileBytes`: the biggest real file is ~10 KB, a 10,000-player one ~2 MB. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Of a rejected file, only this much is kept in stats_files.content (the original size is recorded too). */
export const REJECTED_CONTENT_BYTES = 64 * 1024;

/** Skipped-line warnings kept per file; the rest are only counted. */
export const MAX_WARNINGS_PER_FILE = 20;

export function formatBytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}

export function tooBigReason(size: number, maxBytes: number): string {
  return `file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (import.maxFileBytes); it was not read`;
}
