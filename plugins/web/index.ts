import { CoreServices, definePlugin, QueryServices, RatingServices, WebServices, z, type WebSite } from 'etbot/plugin-api';
import { Extensions } from './extensions';
import { LiveUpdates } from './live-updates';
import { webOptions, type WebOptions } from './options';
import { buildWebServer } from './server';
import { SiteData } from './site-data';

export default definePlugin<WebOptions>({
  manifest: {
    id: 'web',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    // The rating shows on player pages and as a board when the rating plugin is on.
    optionalDependsOn: ['rating'],
    description: 'A read-only web dashboard and JSON API (leaderboards, players, sessions), live on new rounds',
  },
  configSchema: webOptions as unknown as z.ZodType<WebOptions>,
  requires: [
    QueryServices.Players,
    QueryServices.PlayerStats,
    QueryServices.Leaderboards,
    QueryServices.Sessions,
    QueryServices.SessionRows,
    QueryServices.PlayerRounds,
  ],
  async register(api) {
    const { host, port, basePath, rateLimitPerMinute, pageSize, minRounds } = api.options;
    const rating = api.services.getOptional(RatingServices.Rating);
    const data = new SiteData(
      {
        players: api.services.get(QueryServices.Players),
        playerStats: api.services.get(QueryServices.PlayerStats),
        boards: api.services.get(QueryServices.Leaderboards),
        sessions: api.services.get(QueryServices.Sessions),
        sessionRows: api.services.get(QueryServices.SessionRows),
        playerRounds: api.services.get(QueryServices.PlayerRounds),
        clock: api.services.get(CoreServices.Clock),
        rating: () => rating,
      },
      pageSize,
      minRounds,
    );
    const extensions = new Extensions();
    const live = new LiveUpdates();
    const server = await buildWebServer({
      base: basePath,
      rateLimitPerMinute,
      data,
      extensions,
      live,
      onError: (err, url) => api.logger.error({ err, url }, 'web: request failed'),
    });
    api.onDispose(() => server.close());
    await server.listen({ host, port });
    const address = server.server.address();
    const url =
      address && typeof address === 'object'
        ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}${basePath}`
        : null;
    api.logger.info({ url }, `web: dashboard at ${url}`);

    api.on('round.imported', (event) => live.roundImported(event.roundId));
    api.on('identities.changed', () => live.dataChanged());
    const site: WebSite = {
      url: () => url,
      addRoute: (owner, route) => extensions.addRoute(owner, route),
      addPage: (owner, page) => extensions.addPage(owner, page),
      inject: async (request) => {
        const res = await server.inject({ method: request.method ?? 'GET', url: request.url, headers: request.headers });
        return { statusCode: res.statusCode, headers: res.headers, body: res.body };
      },
    };
    api.provide(WebServices.Site, site);
  },
});
