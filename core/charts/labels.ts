import { stripColors } from '../parsing/names';

/** Longest player or weapon label, in characters, before it is cut with an ellipsis. */
export const MAX_LABEL_CHARS = 16;

/**
 * A name as charts show it: colour codes and control characters removed (spec §7), trimmed,
 * cut to `max` characters with '…'. Empty results become '(unnamed)' so an axis never has a hole.
 */
export function chartLabel(raw: string, max = MAX_LABEL_CHARS): string {
  const clean = stripColors(raw).trim();
  if (clean.length === 0) return '(unnamed)';
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** 12345 -> "12.3k", 999 -> "999". */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${trimZero((value / 1_000_000).toFixed(1))}M`;
  if (abs >= 10_000) return `${Math.round(value / 1000)}k`;
  if (abs >= 1000) return `${trimZero((value / 1000).toFixed(1))}k`;
  return `${Math.round(value)}`;
}

/** 3725 seconds -> "1h 02m", 754 -> "12m 34s", 75 -> "1m 15s"; seconds shown only under 10 minutes. */
export function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m >= 10) return `${m}m`;
  return `${m}m ${String(s % 60).padStart(2, '0')}s`;
}

/** Axis tick for a duration in seconds: 5400 -> "1h 30m", 7200 -> "2h", 1200 -> "20m". */
export function durationTick(seconds: number): string {
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m}m`;
  return m % 60 === 0 ? `${m / 60}h` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** Tick spacing in seconds that gives at most `maxTicks` ticks of whole minutes or hours. */
export function durationInterval(maxSeconds: number, maxTicks = 6): number {
  const steps = [60, 120, 300, 600, 900, 1200, 1800, 3600, 5400, 7200, 10800, 14400, 21600, 43200, 86400];
  for (const step of steps) if (maxSeconds / step <= maxTicks) return step;
  return Math.ceil(maxSeconds / maxTicks / 86400) * 86400;
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
