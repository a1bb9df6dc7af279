const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/**
 * A damaged file can hold NUL bytes, which PostgreSQL text cannot store (invalid byte sequence
 * 0x00): they become U+FFFD before parsing, so the stored content, names, reasons and warnings are
 * the same on both engines and the import never fails on them.
 */
export function replaceNulBytes(content: Buffer | string): Buffer | string {
  if (typeof content === 'string') return content.includes('\0') ? content.replaceAll('\0', '\uFFFD') : content;
  if (content.indexOf(0) < 0) return content;
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = content.indexOf(0); i >= 0; start = i + 1, i = content.indexOf(0, start)) parts.push(content.subarray(start, i), REPLACEMENT);
  parts.push(content.subarray(start));
  return Buffer.concat(parts);
}
