import { mapCountText } from 'etbot/plugin-api';
import type { SessionReport } from './types';

/** The header's map count, adding up to the maps listed below it (a map left after R1 is one of them). */
export function sessionMapCount(r: Pick<SessionReport, 'mapCount' | 'maps'>): string {
  return mapCountText({
    played: r.mapCount,
    leftAfterR1: r.maps.filter((m) => m.incomplete === 'no-r2').length,
    orphanR2s: r.maps.filter((m) => m.incomplete === 'orphan').length,
  });
}
