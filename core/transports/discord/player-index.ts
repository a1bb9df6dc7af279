import { createServiceToken } from '../../plugin-api/services';

/** Suggests players for `player` options as the user types (slash autocomplete). */
export interface PlayerIndex {
  /** At most `limit` players whose name starts with (or contains) `prefix`; `value` is what the command receives. */
  suggest(prefix: string, limit: number): Promise<{ name: string; value: string }[]>;
}

/** Registered by the data layer; the Discord transport answers autocomplete with nothing without it. */
export const PlayerIndexToken = createServiceToken<PlayerIndex>('player-index');
