import { hoursMinutes, type Truth, type TruthPlayer } from '../queries/truth';

export const EPHEMERAL = 64;

interface EmbedJson {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  image?: { url: string };
}

/** `name -> value` of an embed's fields as Discord received them. */
export function fieldsOf(embed: EmbedJson | undefined): Record<string, string> {
  return Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
}

/**
 * The `!stats` fields a user must see for a truth.json player, written from the truth file's own
 * numbers: K/D and accuracy are the export's two-decimal values, time played is whole minutes.
 */
export function expectedStatsFields(t: TruthPlayer): Record<string, string> {
  return {
    'Rounds played': String(t.rounds),
    'Time played': hoursMinutes(t.timePlayedSeconds),
    'K/D': `${t.kd.toFixed(2)} (${t.kills} kills, ${t.deaths} deaths)`,
    Accuracy: `${t.accuracy!.toFixed(2)}% (${t.hits} hits, ${t.shots} shots)`,
    DPM: t.dpm.toFixed(2),
  };
}

/** Only the fields `expectedStatsFields` names, from an embed. */
export function statsFieldsOf(embed: EmbedJson | undefined): Record<string, string> {
  const all = fieldsOf(embed);
  return Object.fromEntries(['Rounds played', 'Time played', 'K/D', 'Accuracy', 'DPM'].map((k) => [k, all[k] ?? '(missing)']));
}

/** Text as Discord shows it: a backslash before punctuation only escapes it. */
export function shown(markdown: string): string {
  return markdown.replace(/\\([^A-Za-z0-9\s])/g, '$1');
}

/** `1. slasher - 125 kills` lines of the whole kills board, from truth.json (competition ranks, ties by name). */
export function killsBoardLines(truth: Truth): string[] {
  const lower = (s: string) => s.toLowerCase();
  // Boards leave bots (OMNIBOT GUIDs) out by default.
  const sorted = [...truth.players.filter((p) => !p.guid.startsWith('OMNIBOT0'))].sort(
    (a, b) => b.kills - a.kills || (lower(a.name) < lower(b.name) ? -1 : lower(a.name) > lower(b.name) ? 1 : 0),
  );
  return sorted.map((p) => {
    const rank = sorted.findIndex((q) => q.kills === p.kills) + 1;
    return `${rank}. ${p.name} - ${p.kills} kills`;
  });
}

/** Width and height from a PNG's signature and IHDR chunk; throws when it is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error('not a PNG: wrong signature');
  if (data.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG: the first chunk is not IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The p-th percentile (nearest rank) of some numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
