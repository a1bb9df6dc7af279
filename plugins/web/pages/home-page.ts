import { html, type SafeHtml } from '../html';
import { HttpError } from '../http-error';
import type { SiteData } from '../site-data';
import { boardTable } from './leaderboard-page';
import { sessionSummary } from './session-page';

const HOME_BOARDS = ['kills', 'kd', 'dpm'] as const;

/** The last session's summary and the main leaderboards, top 5 each. */
export async function homePage(data: SiteData, base: string): Promise<SafeHtml> {
  const [last, ...boards] = await Promise.all([
    data.session('last').catch((err: unknown) => {
      if (err instanceof HttpError && err.status === 404) return null;
      throw err;
    }),
    ...HOME_BOARDS.map((stat) => data.leaderboard(stat, { pageSize: 5 })),
  ]);
  return html`<section class="card" id="last-session">
      ${
        last
          ? sessionSummary(last, base, 'h2')
          : html`<h2>Last session</h2>
              <p class="empty">No gaming sessions yet.</p>`
      }
    </section>
    <div class="boards">
      ${boards.map(
        (b) =>
          html`<section class="card">
            <h2><a href="${base}/leaderboards?stat=${b.stat.key}">Top ${b.stat.label}</a></h2>
            ${boardTable(b, base, `home-${b.stat.key}`, true)}
          </section>`,
      )}
    </div>`;
}
