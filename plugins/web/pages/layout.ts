import { html, type SafeHtml } from '../html';

export interface PageFrame {
  base: string;
  title: string;
  /** Links other plugins added (`owner/path` → title). */
  extraLinks: { path: string; title: string }[];
}

/** The frame every page shares: navigation, a player search, the main content, the scripts. */
export function layout(frame: PageFrame, main: SafeHtml): SafeHtml {
  const { base } = frame;
  const link = (href: string, text: string) => html`<a href="${base}${href}">${text}</a>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · etbot</title>
        <link rel="stylesheet" href="${base}/static/style.css" />
        <link rel="icon" href="${base}/static/favicon.svg" type="image/svg+xml" />
        <script src="${base}/static/app.js" defer></script>
      </head>
      <body data-base="${base}" data-updates="0">
        <header>
          <nav>
            <a class="brand" href="${base}/">etbot</a>
            ${link('/leaderboards', 'Leaderboards')} ${link('/sessions', 'Sessions')} ${link('/players', 'Players')}
            ${frame.extraLinks.map((p) => link(`/x/${p.path}`, p.title))} ${link('/api/docs', 'API')}
          </nav>
          <form class="search" method="get" action="${base}/players" role="search">
            <input type="search" name="q" placeholder="Find a player" aria-label="Find a player" />
          </form>
        </header>
        <main>${main}</main>
        <footer><span class="live" id="live-status">live updates on</span></footer>
      </body>
    </html> `;
}
