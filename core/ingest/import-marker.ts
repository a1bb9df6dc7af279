import fs from 'node:fs';
import path from 'node:path';

/** The file an import is working on, as written to the marker. */
export interface MarkedFile {
  name: string;
  serverId: string;
  source: string;
  /** contentHash of the file, so only this content is held back, not a later fixed copy. */
  hash: string;
  size: number;
  path?: string;
}

export const CRASHED_REASON = 'the previous run stopped while importing this file';

/**
 * A small "in progress" file in the data folder while a file is read, parsed and stored. A
 * process that dies on a file (out of memory, killed) leaves it behind: the next start finds it
 * and records that file as rejected instead of trying it again forever. One marker per import in
 * flight, named by process id, so a running process's markers are never taken for a crash.
 */
export class ImportMarker {
  private next = 0;

  constructor(private readonly folder: string | undefined) {}

  /** Writes the marker; returns its path for `end` (undefined when markers are off). */
  begin(file: MarkedFile, reuse?: string): string | undefined {
    if (!this.folder) return undefined;
    const marker = reuse ?? path.join(this.folder, `${process.pid}-${++this.next}.json`);
    if (!reuse) fs.mkdirSync(this.folder, { recursive: true });
    // Synchronous: the marker must be on disk before the work that may kill the process starts.
    fs.writeFileSync(marker, JSON.stringify(file));
    return marker;
  }

  end(marker: string | undefined): void {
    if (marker) fs.rmSync(marker, { force: true });
  }

  /** Markers left by processes that are gone, each removed as it is read. Unreadable ones are dropped. */
  takeLeftovers(): MarkedFile[] {
    if (!this.folder || !fs.existsSync(this.folder)) return [];
    const found: MarkedFile[] = [];
    for (const entry of fs.readdirSync(this.folder)) {
      const pid = Number(/^(\d+)-\d+\.json$/.exec(entry)?.[1]);
      if (Number.isInteger(pid) && isAlive(pid)) continue;
      const file = path.join(this.folder, entry);
      try {
        const marked = JSON.parse(fs.readFileSync(file, 'utf8')) as MarkedFile;
        if (typeof marked.name === 'string' && typeof marked.hash === 'string') found.push(marked);
      } catch {
        // Cut short by the crash itself: nothing to name.
      }
      fs.rmSync(file, { force: true });
    }
    return found;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // an earlier process with our id; ours wrote none yet at start
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
