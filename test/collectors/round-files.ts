/**
 * Tiny, hand-checkable round files for the collector tests: `players` lines, each with one MP40
 * block and 38 extended fields with 10.0 minutes played, so the round has exactly `players`
 * counted players.
 */
export function roundFileName(index: number, map = 'supply', round: 1 | 2 = 1): string {
  const minute = String(index % 60).padStart(2, '0');
  const hour = String(10 + Math.floor(index / 60)).padStart(2, '0');
  return `2025-10-25-${hour}${minute}00-${map}-round-${round}.txt`;
}

/** `tag` goes into the server name so that files with the same players still differ in content. */
export function roundFileText(options: { map?: string; round?: 1 | 2; players: number; tag?: string }): string {
  const map = options.map ?? 'supply';
  const round = options.round ?? 1;
  const lines = [`Test server ${options.tag ?? ''}\\${map}\\\\${round}\\1\\2\\10:00\\5:30`];
  for (let i = 0; i < options.players; i++) {
    const guid = (0xa0000000 + i).toString(16).toUpperCase();
    const extended = Array.from({ length: 38 }, (_, f) => (f === 22 ? '10.0' : f === 8 ? '90.0' : '0'));
    // mask 16 = weapon 4 (MP40): hits shots kills deaths headshots
    lines.push(`${guid}\\player${i}\\0\\${1 + (i % 2)}\\16 10 30 2 1 3 \t${extended.join('\t')}`);
  }
  return `${lines.join('\n')}\n`;
}
