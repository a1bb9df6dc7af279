import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Extensions } from '../extensions';
import { html, trusted, type SafeHtml } from '../html';
import { HttpError } from '../http-error';
import type { SiteData } from '../site-data';
import { docsPage } from './docs-page';
import { homePage } from './home-page';
import { layout } from './layout';
import { leaderboardPage } from './leaderboard-page';
import { playerPage, searchPage } from './player-page';
import { sessionPage, sessionsPage } from './session-page';

export interface PageContext {
  base: string;
  data: SiteData;
  extensions: Extensions;
  openApi: () => object;
}

/** The pages, rendered on the server; app.js adds sorting, charts and live updates. */
export function registerPages(app: FastifyInstance, ctx: PageContext): void {
  const { base, data, extensions } = ctx;
  const send = (reply: FastifyReply, title: string, main: SafeHtml) =>
    reply.type('text/html; charset=utf-8').send(layout({ base, title, extraLinks: extensions.pageLinks() }, main).text);

  app.get('/', async (_req, reply) => send(reply, 'Home', await homePage(data, base)));
  app.get<{ Querystring: { stat?: string; window?: string; page?: string } }>('/leaderboards', async (req, reply) => {
    const page = req.query.page === undefined ? undefined : Number(req.query.page);
    if (page !== undefined && !(Number.isInteger(page) && page >= 1)) throw new HttpError(400, 'page must be a whole number of 1 or more');
    return send(reply, 'Leaderboards', await leaderboardPage(data, base, { ...req.query, page }));
  });
  app.get<{ Querystring: { q?: string } }>('/players', async (req, reply) => send(reply, 'Players', await searchPage(data, base, req.query.q)));
  app.get<{ Params: { guid: string } }>('/players/:guid', async (req, reply) => {
    const { title, main } = await playerPage(data, base, req.params.guid);
    return send(reply, title, main);
  });
  app.get<{ Querystring: { month?: string } }>('/sessions', async (req, reply) => send(reply, 'Sessions', await sessionsPage(data, base, req.query.month)));
  app.get<{ Params: { which: string } }>('/sessions/:which', async (req, reply) => {
    if (!/^(last|[1-9][0-9]{0,8})$/.test(req.params.which)) throw new HttpError(400, `'${req.params.which}' is not a session number`);
    const { title, main } = await sessionPage(data, base, req.params.which);
    return send(reply, title, main);
  });
  app.get('/api/docs', async (_req, reply) => send(reply, 'API', docsPage(base, ctx.openApi())));
  app.get<{ Params: { '*': string }; Querystring: Record<string, string> }>('/x/*', async (req, reply) => {
    const found = extensions.findPage(req.params['*']);
    if (!found) throw new HttpError(404, `no page '${req.params['*']}'`);
    return send(reply, found.route.title, trusted(await found.route.render({ rest: found.rest, query: req.query })));
  });
}

/** An error as a page (the API answers JSON instead). */
export function errorPage(ctx: Pick<PageContext, 'base' | 'extensions'>, status: number, message: string): string {
  const title = status === 404 ? 'Not found' : status === 429 ? 'Too many requests' : status >= 500 ? 'Something went wrong' : 'Bad request';
  return layout(
    { base: ctx.base, title, extraLinks: ctx.extensions.pageLinks() },
    html`<h1>${title}</h1>
      <p class="error" id="error-message">${message}</p>`,
  ).text;
}
