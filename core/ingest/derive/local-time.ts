/**
 * Server local wall-clock time ('YYYY-MM-DDTHH:MM:SS', no zone) to a UTC instant in `timeZone`
 * (IANA). A time that does not exist (spring-forward gap) is read with the offset before the gap;
 * an ambiguous one (fall-back) takes the earlier instant.
 */
export function localToUtcMs(local: string, timeZone: string): number {
  const asUtc = Date.parse(`${local}Z`);
  if (Number.isNaN(asUtc)) throw new Error(`not a local time: '${local}'`);
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return asUtc;
  // Try the offsets in force a day either side; keep the candidates that map back to `local`.
  const offsets = new Set([offsetMs(asUtc - 86_400_000, timeZone), offsetMs(asUtc, timeZone), offsetMs(asUtc + 86_400_000, timeZone)]);
  const exact = [...offsets].map((o) => asUtc - o).filter((t) => asUtc === t + offsetMs(t, timeZone));
  if (exact.length > 0) return Math.min(...exact);
  return asUtc - offsetMs(asUtc - 86_400_000, timeZone);
}

export function utcIso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at instant `ms`, in ms. */
function offsetMs(ms: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}
