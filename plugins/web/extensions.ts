import { toDisposable, type Disposable, type WebPageDefinition, type WebRouteDefinition } from 'etbot/plugin-api';

const PATH = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
const OWNER = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Routes and pages other plugins add. Fastify takes no routes once it listens, so one wildcard
 * route per kind looks them up here; a plugin that goes away takes its entries with it.
 */
export class Extensions {
  private readonly routes = new Map<string, WebRouteDefinition>();
  private readonly pages = new Map<string, WebPageDefinition & { owner: string }>();

  addRoute(owner: string, route: WebRouteDefinition): Disposable {
    const key = this.key(owner, route.path);
    if (this.routes.has(key)) throw new Error(`web: route '${key}' is already added`);
    this.routes.set(key, route);
    return toDisposable(() => {
      if (this.routes.get(key) === route) this.routes.delete(key);
    });
  }

  addPage(owner: string, page: WebPageDefinition): Disposable {
    const key = this.key(owner, page.path);
    if (this.pages.has(key)) throw new Error(`web: page '${key}' is already added`);
    const entry = { ...page, owner };
    this.pages.set(key, entry);
    return toDisposable(() => {
      if (this.pages.get(key) === entry) this.pages.delete(key);
    });
  }

  /** The route whose path is `path` or a prefix of it (longest first), with the remainder. */
  findRoute(path: string): { route: WebRouteDefinition; rest: string } | null {
    return longestMatch(this.routes, path);
  }

  findPage(path: string): { route: WebPageDefinition; rest: string } | null {
    return longestMatch(this.pages, path);
  }

  pageLinks(): { path: string; title: string }[] {
    return [...this.pages].map(([path, page]) => ({ path, title: page.title }));
  }

  routeList(): { path: string; description: string }[] {
    return [...this.routes].map(([path, route]) => ({ path, description: route.description }));
  }

  private key(owner: string, path: string): string {
    if (!OWNER.test(owner)) throw new Error(`web: '${owner}' is not a plugin id`);
    if (!PATH.test(path)) throw new Error(`web: '${path}' is not a path (lower-case words and digits separated by /, no leading slash)`);
    return `${owner}/${path}`;
  }
}

function longestMatch<T>(map: Map<string, T>, path: string): { route: T; rest: string } | null {
  const parts = path.split('/');
  for (let n = parts.length; n >= 2; n--) {
    const route = map.get(parts.slice(0, n).join('/'));
    if (route) return { route, rest: parts.slice(n).join('/') };
  }
  return null;
}
