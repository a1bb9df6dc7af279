import { escapeHtml } from 'etbot/plugin-api';

/** HTML that was built by `html` (its values escaped) or declared trusted: never escaped again. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose every `${value}` is escaped (strings, numbers) unless it is SafeHtml already. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** HTML another plugin rendered (it escapes its own data, as the WebSite contract says). */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text);
}

/**
 * Data for the page's script, in a `<script type="application/json">` element: JSON with `<`
 * written as \u003c, so no name can end the element.
 */
export function jsonData(id: string, data: unknown): SafeHtml {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new SafeHtml(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}
