import { met, type Figure } from './figures';

function cell(f: Figure): string[] {
  const ok = met(f);
  return [
    f.name,
    f.value === null ? '-' : String(f.value),
    f.unit,
    f.target ? `${f.target.op} ${f.target.value}` : '',
    ok === null ? '' : ok ? 'yes' : 'NO',
    f.note ?? '',
  ];
}

const HEAD = ['figure', 'value', 'unit', 'target', 'met', 'note'];

/** The figures as an aligned text table for the console. */
export function textTable(figures: readonly Figure[]): string {
  const rows = [HEAD, ...figures.map(cell)];
  const widths = HEAD.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((v, c) => (c === 1 ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The figures as a Markdown table (BENCHMARKS.md). */
export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${HEAD.join(' | ')} |`, `| ${HEAD.map(() => '---').join(' | ')} |`, ...figures.map((f) => `| ${cell(f).map(esc).join(' | ')} |`)].join('\n');
}
