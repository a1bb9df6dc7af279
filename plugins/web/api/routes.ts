import type { FastifyInstance } from 'fastify';
import type { Extensions } from '../extensions';
import { HttpError } from '../http-error';
import type { SiteData } from '../site-data';
import {
  extensionSchema,
  historySchema,
  leaderboardSchema,
  playerSchema,
  recordsSchema,
  roundSchema,
  searchPlayersSchema,
  sessionListSchema,
  sessionSchema,
  statsSchema,
} from './schemas';

/** The JSON API, registered under `<base>/api/v1`. Every route is read-only and has a schema. */
export function registerApi(app: FastifyInstance, data: SiteData, extensions: Extensions): void {
  app.get<{ Querystring: { q: string } }>('/players', { schema: searchPlayersSchema }, (req) => data.searchPlayers(req.query.q));
  app.get<{ Params: { guid: string }; Querystring: { window?: string } }>('/players/:guid', { schema: playerSchema }, (req) =>
    data.profile(req.params.guid, req.query.window),
  );
  app.get<{ Params: { guid: string } }>('/players/:guid/history', { schema: historySchema }, (req) => data.history(req.params.guid));
  app.get('/leaderboards', { schema: statsSchema }, async () => data.stats());
  app.get<{ Params: { stat: string }; Querystring: { window?: string; page?: number; pageSize?: number } }>(
    '/leaderboards/:stat',
    { schema: leaderboardSchema },
    (req) => data.leaderboard(req.params.stat, req.query),
  );
  app.get<{ Querystring: { month?: string } }>('/sessions', { schema: sessionListSchema }, (req) => data.sessionList(req.query.month));
  app.get<{ Params: { which: string } }>('/sessions/:which', { schema: sessionSchema }, (req) => data.session(req.params.which));
  app.get<{ Params: { id: number } }>('/rounds/:id', { schema: roundSchema }, (req) => data.round(req.params.id));
  app.get('/records', { schema: recordsSchema }, async () => {
    throw new HttpError(404, 'records are not available: no plugin provides a records service');
  });
  app.get<{ Params: { '*': string }; Querystring: Record<string, string> }>('/x/*', { schema: extensionSchema }, async (req, reply) => {
    const found = extensions.findRoute(req.params['*']);
    if (!found) throw new HttpError(404, `no added route '${req.params['*']}'`);
    const answer = await found.route.handle({ rest: found.rest, query: req.query });
    return reply.code(answer.status ?? 200).send(answer.body);
  });
}
