/** `1.5 MiB` */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** `2d 3h 4m`, `5m 6s` */
export function formatUptime(seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h ${m}m`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m ${s % 60}s`;
}

/** Markdown code block; long text is cut to fit Discord's 2000 characters. */
export function codeBlock(text: string, language = '', max = 1900): string {
  const body = text.length > max ? `${text.slice(0, max)}\n... (${text.length - max} more characters)` : text;
  return `\`\`\`${language}\n${body}\n\`\`\``;
}

export function unavailable(what: string): { text: string; isError: true; ephemeral: true } {
  return { text: `${what} is not available: its core module is not running in this process.`, isError: true, ephemeral: true };
}

/** An embed field within Discord's limits (name 256, value 1024 characters). */
export function field(name: string, value: string, inline?: boolean): { name: string; value: string; inline?: boolean } {
  const clamp = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);
  return { name: clamp(name, 256), value: clamp(value || '-', 1024), ...(inline ? { inline } : {}) };
}
