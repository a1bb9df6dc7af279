import { html, type SafeHtml } from '../html';

export interface Column<T> {
  title: string;
  cell(row: T): SafeHtml | string | number;
  /** The number the column sorts by; text columns sort by their text. */
  sortValue?(row: T): number | null;
  numeric?: boolean;
}

/** A table whose headers sort it in the page (app.js reads data-sort and data-value). */
export function sortableTable<T>(id: string, columns: Column<T>[], rows: T[]): SafeHtml {
  return html`<div class="table-wrap">
    <table class="sortable" id="${id}">
      <thead>
        <tr>
          ${columns.map((c, i) => html`<th data-sort="${i}" class="${c.numeric ? 'num' : ''}"><button type="button">${c.title}</button></th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${columns.map((c) => {
                const v = c.sortValue?.(row);
                return html`<td class="${c.numeric ? 'num' : ''}" data-value="${v === undefined || v === null ? '' : v}">${c.cell(row)}</td>`;
              })}
            </tr> `,
        )}
      </tbody>
    </table>
  </div>`;
}

export function playerLink(base: string, player: { guid: string; name: string }): SafeHtml {
  return html`<a class="player" href="${base}/players/${encodeURIComponent(player.guid)}">${player.name}</a>`;
}
