export interface Token {
  value: string;
  /** Offset in the line where the token's raw text starts (for "rest of the line" arguments). */
  start: number;
}

/**
 * Splits a command line on whitespace; "double quotes" group words (the quotes are dropped).
 * An unmatched quote is taken literally so a name like `"bob` still works.
 */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && /\s/.test(line[i]!)) i++;
    if (i >= n) break;
    const start = i;
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      if (close > i && (close + 1 >= n || /\s/.test(line[close + 1]!))) {
        tokens.push({ value: line.slice(i + 1, close), start });
        i = close + 1;
        continue;
      }
    }
    while (i < n && !/\s/.test(line[i]!)) i++;
    tokens.push({ value: line.slice(start, i), start });
  }
  return tokens;
}
