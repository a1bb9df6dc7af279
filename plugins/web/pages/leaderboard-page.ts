import { html, type SafeHtml } from '../html';
import type { SiteData } from '../site-data';
import { playerLink, sortableTable, type Column } from './tables';

type Board = Awaited<ReturnType<SiteData['leaderboard']>>;
type Entry = Board['entries'][number];

const WINDOWS = ['all', '7d', '30d', '90d', '365d'];

/** Leaderboards: a stat and window picker, the ranked table, page links. */
export async function leaderboardPage(data: SiteData, base: string, query: { stat?: string; window?: string; page?: number }): Promise<SafeHtml> {
  const statKey = query.stat ?? 'kills';
  const windowText = query.window ?? 'all';
  const board = await data.leaderboard(statKey, { window: windowText, page: query.page });
  const picker = html`<form class="picker auto" method="get" action="${base}/leaderboards">
    <label
      >Stat
      <select name="stat" id="stat-select">
        ${data.stats().map((s) => html`<option value="${s.key}" ${s.key === board.stat.key ? html` selected` : ''}>${s.label}</option>`)}
      </select></label
    >
    <label
      >Window
      <select name="window" id="window-select">
        ${[...new Set([...WINDOWS, windowText])].map(
          (w) => html`<option value="${w}" ${w === windowText ? html` selected` : ''}>${w === 'all' ? 'all time' : w}</option>`,
        )}
      </select></label
    >
    <noscript><button type="submit">Show</button></noscript>
  </form>`;
  return html`<h1 id="board-title">Top players by ${board.stat.label}</h1>
    <p class="muted" id="board-window">
      ${board.window}${board.minRounds > 1 ? ` · minimum ${board.minRounds} rounds` : ''} · page ${board.page}/${board.pageCount} · ${board.total} players
    </p>
    ${picker} ${boardTable(board, base, 'board')} ${pageLinks(base, board, statKey, windowText)}`;
}

export function boardTable(board: Board, base: string, id: string, compact = false): SafeHtml {
  if (board.entries.length === 0) return html`<p class="empty">Nobody is ranked in this window yet.</p>`;
  const columns: Column<Entry>[] = [
    { title: '#', cell: (e: Entry) => e.rank, sortValue: (e: Entry) => e.rank, numeric: true },
    { title: 'Player', cell: (e: Entry) => playerLink(base, e) },
    { title: board.stat.label, cell: (e: Entry) => html`<span class="value">${e.display}</span>`, sortValue: (e: Entry) => e.value, numeric: true },
  ];
  if (!compact && board.stat.key !== 'rating') {
    columns.push(
      { title: 'Rounds', cell: (e: Entry) => e.rounds, sortValue: (e: Entry) => e.rounds, numeric: true },
      { title: 'Kills', cell: (e: Entry) => e.kills ?? '-', sortValue: (e: Entry) => e.kills, numeric: true },
      { title: 'Deaths', cell: (e: Entry) => e.deaths ?? '-', sortValue: (e: Entry) => e.deaths, numeric: true },
      { title: 'K/D', cell: (e: Entry) => e.kd ?? '-', sortValue: (e: Entry) => numberOrNull(e.kd), numeric: true },
      { title: 'DPM', cell: (e: Entry) => e.dpm ?? '-', sortValue: (e: Entry) => numberOrNull(e.dpm), numeric: true },
      { title: 'Time', cell: (e: Entry) => e.timePlayed ?? '-' },
    );
  }
  return sortableTable(id, columns, board.entries);
}

function numberOrNull(text: string | null): number | null {
  return text === null || text === '-' ? null : Number(text);
}

function pageLinks(base: string, board: Board, stat: string, window: string): SafeHtml {
  if (board.pageCount <= 1) return html``;
  const href = (page: number) => `${base}/leaderboards?stat=${encodeURIComponent(stat)}&window=${encodeURIComponent(window)}&page=${page}`;
  return html`<nav class="pages">
    ${board.page > 1 ? html`<a href="${href(board.page - 1)}" rel="prev">previous</a>` : ''}
    <span>page ${board.page} of ${board.pageCount}</span>
    ${board.page < board.pageCount ? html`<a href="${href(board.page + 1)}" rel="next">next</a>` : ''}
  </nav>`;
}
