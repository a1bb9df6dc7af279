/**
 * Clean name per spec §7/§9: remove '^' plus the next character when that character is not '^'
 * and not ASCII whitespace, scanning left to right; then drop control characters (Unicode Cc).
 * No trimming.
 */
export function stripColors(name: string): string {
  let out = '';
  const n = name.length;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5e /* ^ */ && i + 1 < n) {
      const next = name.charCodeAt(i + 1);
      if (next !== 0x5e && !isAsciiWhitespace(next)) {
        // Skip the whole next code point (a surrogate pair counts as one character).
        i += next >= 0xd800 && next <= 0xdbff && i + 2 < n && isLowSurrogate(name.charCodeAt(i + 2)) ? 2 : 1;
        continue;
      }
    }
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) continue;
    out += name[i];
  }
  return out;
}

function isAsciiWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
