import { definePlugin, WebServices, type WebSite } from 'etbot/plugin-api';
import { createTestBot, type TestBot } from 'etbot/testing';

export interface WebTestBot {
  bot: TestBot;
  /** The web plugin's service, taken by the probe plugin. */
  site: () => WebSite;
}

/**
 * A bot with the plugins whose numbers the pages show, the web plugin on a free port of
 * 127.0.0.1, and a probe plugin that depends on `web` and adds a route and a page (the
 * extension service), keeping the service for the test.
 */
export async function startWebBot(options: { database: string; webOptions?: Record<string, unknown>; extraPlugins?: string[] }): Promise<WebTestBot> {
  let site: WebSite | undefined;
  const probe = definePlugin({
    manifest: { id: 'web-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['web'] },
    register(api) {
      site = api.services.get(WebServices.Site);
      const route = site.addRoute('web-probe', {
        path: 'hello',
        description: 'Says hello',
        handle: async (req) => ({ body: { hello: req.query.name ?? 'you', rest: req.rest } }),
      });
      const page = site.addPage('web-probe', { path: 'about', title: 'About the probe', render: async () => '<p id="probe-page">added by web-probe</p>' });
      api.onDispose(() => {
        route.dispose();
        page.dispose();
      });
    },
  });
  const bot = await createTestBot({
    database: options.database,
    plugins: [
      'stats',
      'leaderboards',
      'sessions',
      'rating',
      ...(options.extraPlugins ?? []),
      { id: 'web', enabled: true, options: { port: 0, rateLimitPerMinute: 100_000, ...options.webOptions } },
      { definition: probe },
    ],
  });
  return {
    bot,
    site: () => {
      if (!site) throw new Error('the web plugin did not start');
      return site;
    },
  };
}
