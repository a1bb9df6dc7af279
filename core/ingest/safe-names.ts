import path from 'node:path';

/** Longest file name taken from a game server (real names are about 45 bytes). */
export const MAX_NAME_BYTES = 200;

/**
 * A listed file name is data from the game server, never a path: why `name` cannot be stored as
 * one file directly in a folder, or null when it can. The extension is not checked here (a name
 * that is not `.txt` is simply not a stats file).
 */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'it is empty';
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator';
  if (name.includes('..')) return "it contains '..'";
  if (name.includes('\0')) return 'it contains a NUL byte';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'it contains a control character';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `it is longer than ${MAX_NAME_BYTES} bytes`;
  return null;
}

/**
 * `folder/name`, resolved, after checking that it is a direct child of `folder`. Every path a
 * collector reads or writes goes through here, so no listed name can reach outside its folder.
 */
export function pathInside(folder: string, name: string): string {
  const root = path.resolve(folder);
  const target = path.resolve(root, name);
  if (unsafeNameReason(name) !== null || path.dirname(target) !== root) {
    throw new Error(`refusing the file name ${JSON.stringify(name)}: it is not a plain name inside ${root}`);
  }
  return target;
}
