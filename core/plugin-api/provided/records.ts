/** A record or personal best a newly collected round set. */
export interface NewRecord {
  /** `record`: the best of all rounds (or of the map); `personal-best`: the player's own best. */
  kind: 'record' | 'personal-best';
  /** The record's id, e.g. `kills`, `dpm`, `fastest-time`. */
  stat: string;
  title: string;
  guid: string | null;
  /** The player, or for a map record the map. */
  name: string;
  value: number;
  formatted: string;
  /** The record it beat; null when there was none. */
  previous: string | null;
}

declare module '../events' {
  interface EventMap {
    /**
     * Raised by the `records` plugin, once per live round (ended within its `liveMaxAgeHours`)
     * that sets a record or a personal best; never for backfills or re-derived rounds.
     */
    'records.set': { roundId: number; file: string; map: string; endedAt: string; records: NewRecord[] };
  }
}
