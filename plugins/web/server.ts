import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { registerApi } from './api/routes';
import type { Extensions } from './extensions';
import { HttpError } from './http-error';
import type { LiveUpdates } from './live-updates';
import { errorPage, registerPages } from './pages/routes';
import { echartsFile, publicDir } from './public-files';
import type { SiteData } from './site-data';

export interface WebServerParts {
  base: string;
  rateLimitPerMinute: number;
  data: SiteData;
  extensions: Extensions;
  live: LiveUpdates;
  onError(err: unknown, url: string): void;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // echarts positions its tooltip with inline styles.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

/** The dashboard's Fastify server: security headers, rate limit, static files, the API, the pages, live updates. */
export async function buildWebServer(parts: WebServerParts): Promise<FastifyInstance> {
  const { base, data, extensions, live } = parts;
  // Closing must not wait for open pages' event streams: the port is released at once.
  const app = Fastify({ logger: false, forceCloseConnections: true, routerOptions: { ignoreTrailingSlash: true }, bodyLimit: 1024 });

  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP }, hsts: false });
  await app.register(rateLimit, {
    max: parts.rateLimitPerMinute,
    timeWindow: 60_000,
    // Thrown, so the error handler answers it like every other error (JSON for the API, a page otherwise).
    errorResponseBuilder: (_req, context) =>
      Object.assign(new Error(`too many requests: at most ${context.max} a minute, try again in ${context.after}`), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'etbot API', version: '1.0.0', description: 'Read-only stats of the ET:Legacy stopwatch games etbot imported.' },
      servers: [{ url: base || '/' }],
    },
    hideUntagged: true,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let message = 'internal error';
    if (err instanceof HttpError) [status, message] = [err.status, err.message];
    else if (err.validation) [status, message] = [400, err.message];
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) [status, message] = [err.statusCode, err.message];
    else parts.onError(err, req.url);
    return isApi(req.url, base)
      ? reply.code(status).send({ error: message })
      : reply
          .code(status)
          .type('text/html; charset=utf-8')
          .send(errorPage({ base, extensions }, status, message));
  });
  app.setNotFoundHandler((req, reply) => {
    const message = `nothing at ${req.url.split('?')[0]}`;
    return isApi(req.url, base)
      ? reply.code(404).send({ error: message })
      : reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(errorPage({ base, extensions }, 404, message));
  });
  app.addHook('onSend', async (req, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', isStatic(req.url, base) ? 'public, max-age=300' : 'no-store');
  });

  await app.register(
    async (site) => {
      await site.register(fastifyStatic, { root: publicDir(), prefix: '/static/', decorateReply: false, index: false, cacheControl: false });
      const echarts = fs.readFileSync(echartsFile());
      site.get('/static/echarts.min.js', (_req, reply) => reply.type('application/javascript; charset=utf-8').send(echarts));
      site.get('/events', (req, reply) => {
        reply.hijack();
        live.add(reply.raw);
      });
      await site.register(async (api) => registerApi(api, data, extensions), { prefix: '/api/v1' });
      site.get('/api/v1/openapi.json', (_req, reply) => reply.send(app.swagger()));
      registerPages(site, { base, data, extensions, openApi: () => app.swagger() as object });
    },
    { prefix: base },
  );
  app.addHook('preClose', async () => live.close());
  return app;
}

function isApi(url: string, base: string): boolean {
  return url.startsWith(`${base}/api/`);
}

function isStatic(url: string, base: string): boolean {
  return url.startsWith(`${base}/static/`) && !url.includes('..') && path.extname(url.split('?')[0]!) !== '';
}
