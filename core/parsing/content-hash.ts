import { createHash } from 'node:crypto';

/** sha256 hex of the content with every CRLF turned into LF: the importer's duplicate key (§8, §9). */
export function contentHash(content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha256').update(withoutCarriageReturnsBeforeLf(bytes)).digest('hex');
}

function withoutCarriageReturnsBeforeLf(bytes: Buffer): Buffer {
  let first = bytes.indexOf('\r\n');
  if (first < 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let written = 0;
  let from = 0;
  while (first >= 0) {
    written += bytes.copy(out, written, from, first);
    from = first + 1; // keep the '\n', drop the '\r'
    first = bytes.indexOf('\r\n', from);
  }
  written += bytes.copy(out, written, from);
  return out.subarray(0, written);
}
