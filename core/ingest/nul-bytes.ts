const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/**
 * A damaged file can hold NUL bytes, which PostgreSQL text cannot store (invalid byte sequence
 * 0x00): they become U+FFFD before parsing, so the stored content, names, reasons and warnings are
 * the same on both engines and the import never fails on them.
 */
export function replaceNulBytes(content: Buffer | string): Buffer | string {
  if (typeof content === 'string') return content.includes('\0') ? content.replaceAll('\0', '\uFFFD') : content;
  let count = 0;
  for (let i = content.indexOf(0); i >= 0; i = content.indexOf(0, i + 1)) count++;
  if (count === 0) return content;
  // One output buffer, not a piece per NUL: a file of NULs must not cost millions of objects.
  const out = Buffer.allocUnsafe(content.length + count * (REPLACEMENT.length - 1));
  let written = 0;
  let start = 0;
  for (let i = content.indexOf(0); i >= 0; start = i + 1, i = content.indexOf(0, start)) {
    written += content.copy(out, written, start, i);
    written += REPLACEMENT.copy(out, written);
  }
  content.copy(out, written, start);
  return out;
}
