/** How a session's maps went: paired R1 + R2, an R1 whose R2 never came, an R2 whose R1 is missing. */
export interface MapCounts {
  /** Paired matches (spec §9 Sessions: `maps`). */
  played: number;
  /** R1 files without their R2: the map was left after R1. */
  leftAfterR1: number;
  /** Orphan R2 files (their R1 missing). */
  orphanR2s: number;
}

/**
 * A map count that adds up to the maps a reply lists: `5 maps` when every map was played to the
 * end, else `5 maps played to the end, 1 left after R1, 1 R2 without its R1`.
 */
export function mapCountText(counts: MapCounts): string {
  const maps = (n: number) => (n === 1 ? '1 map' : `${n} maps`);
  if (counts.leftAfterR1 === 0 && counts.orphanR2s === 0) return maps(counts.played);
  const parts = [`${maps(counts.played)} played to the end`];
  if (counts.leftAfterR1 > 0) parts.push(`${counts.leftAfterR1} left after R1`);
  if (counts.orphanR2s > 0) parts.push(`${counts.orphanR2s} R2 without its R1`);
  return parts.join(', ');
}
