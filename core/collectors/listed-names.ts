import type { Logger } from '../logging/logger';
import { judgeName } from './file-filter';

/**
 * Filters a folder listing down to the names to collect, warning once per process about each
 * name that cannot be stored (shown JSON-quoted, so control characters and newlines stay visible).
 */
export class ListedNames {
  private readonly warned = new Set<string>();

  constructor(private readonly log: Logger) {}

  collectable(name: string): boolean {
    const verdict = judgeName(name);
    if (verdict.take !== 'unsafe') return verdict.take === 'collect';
    if (!this.warned.has(name)) {
      // A server listing endless new names must not grow this without bound.
      if (this.warned.size < 10_000) this.warned.add(name);
      this.log.warn({ file: JSON.stringify(name), why: verdict.reason }, `skipping the listed name ${JSON.stringify(name)}: ${verdict.reason}`);
    }
    return false;
  }
}
