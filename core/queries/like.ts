/** Escapes `\`, `%` and `_` for `LIKE ? ESCAPE '\'` so a typed name matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a contains-match, escaped. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
