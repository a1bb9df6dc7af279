import type { ParseWarning } from '../parsing';

/**
 * stats_files.warnings: a JSON array of the kept warnings ({line, reason}), followed, when more
 * lines were skipped than kept, by one `{"more": N}` entry with the number left out.
 */
export function encodeWarnings(kept: readonly ParseWarning[], total: number): string {
  return JSON.stringify(total > kept.length ? [...kept, { more: total - kept.length }] : kept);
}

export function decodeWarnings(json: string): { warnings: ParseWarning[]; warningCount: number } {
  const warnings: ParseWarning[] = [];
  let more = 0;
  for (const entry of JSON.parse(json) as (ParseWarning | { more: number })[]) {
    if ('more' in entry) more += entry.more;
    else warnings.push(entry);
  }
  return { warnings, warningCount: warnings.length + more };
}

/** "and 129,980 more" for a file whose warnings were not all kept; '' otherwise. */
export function moreWarningsNote(kept: number, total: number): string {
  return total > kept ? `and ${(total - kept).toLocaleString('en-US')} more` : '';
}
