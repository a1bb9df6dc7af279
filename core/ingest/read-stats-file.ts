import { constants } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import { REJECTED_CONTENT_BYTES, tooBigReason } from './file-limits';

/** A stats file read from disk, or why it was not (with at most its first bytes, for the record). */
export type FileRead = { ok: true; content: Buffer; size: number } | { ok: false; reason: string; preview: Buffer; size: number; missing?: boolean };

export const SYMLINK_REASON = 'a symbolic link: links are never followed, so its target was not read';

const NOTHING = Buffer.alloc(0);

/**
 * Reads one stats file with bounded work: a link is never followed (lstat, then O_NOFOLLOW so it
 * cannot be swapped in meanwhile), and the size is checked before reading, so a file over
 * `maxBytes` is never read whole (only its first REJECTED_CONTENT_BYTES, to keep with the rejection).
 */
export async function readStatsFile(filePath: string, maxBytes: number): Promise<FileRead> {
  let handle: FileHandle;
  try {
    const entry = await fs.lstat(filePath);
    if (entry.isSymbolicLink()) return { ok: false, reason: SYMLINK_REASON, preview: NOTHING, size: 0 };
    if (!entry.isFile()) return { ok: false, reason: 'not a regular file', preview: NOTHING, size: 0 };
    handle = await fs.open(filePath, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, reason: SYMLINK_REASON, preview: NOTHING, size: 0 };
    return { ok: false, reason: `cannot read ${filePath}: ${(err as Error).message}`, preview: NOTHING, size: 0, missing: code === 'ENOENT' };
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes)
      return { ok: false, reason: tooBigReason(size, maxBytes), preview: await readUpTo(handle, REJECTED_CONTENT_BYTES, REJECTED_CONTENT_BYTES), size };
    // One byte more than allowed tells a file that grew since the stat.
    const content = await readUpTo(handle, maxBytes + 1, size + 1);
    if (content.length > maxBytes)
      return { ok: false, reason: tooBigReason(content.length, maxBytes), preview: content.subarray(0, REJECTED_CONTENT_BYTES), size: content.length };
    return { ok: true, content, size: content.length };
  } catch (err) {
    return { ok: false, reason: `cannot read ${filePath}: ${(err as Error).message}`, preview: NOTHING, size: 0 };
  } finally {
    await handle.close();
  }
}

/** At most `limit` bytes from the start; `expected` sizes the first read. */
async function readUpTo(handle: FileHandle, limit: number, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = Math.max(1, Math.min(limit, expected));
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(want, limit - total));
    const { bytesRead } = await handle.read(buf, 0, buf.length, total);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    want = 64 * 1024;
  }
  return Buffer.concat(chunks, total);
}
