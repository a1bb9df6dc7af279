import type { Disposable } from '../disposable';
import { createServiceToken } from '../services';

/** What an added API route gets: the path's remainder and the query string, as the client sent them. */
export interface WebRequest {
  /** The part of the path after the route's own path ('' for the route itself). */
  rest: string;
  query: Record<string, string>;
}

/** An answer of an added route: a JSON body and its status (200 by default). */
export interface WebJsonAnswer {
  status?: number;
  body: unknown;
}

/** A JSON route a plugin adds under `/api/v1/x/<plugin id>/<path>`. */
export interface WebRouteDefinition {
  /** `[a-z0-9-/]`, no leading slash: `streaks` gives `/api/v1/x/<plugin id>/streaks`. */
  path: string;
  description: string;
  handle(request: WebRequest): Promise<WebJsonAnswer>;
}

/** A page a plugin adds under `/x/<plugin id>/<path>`, linked from the navigation. */
export interface WebPageDefinition {
  path: string;
  /** Shown in the navigation and the page title (escaped by the web plugin). */
  title: string;
  /**
   * The page's main content as HTML. It is inserted as is: pass every value that came from data
   * (names, maps, anything typed by users) through `escapeHtml`.
   */
  render(request: WebRequest): Promise<string>;
}

/** A request answered without the network (tests, or a plugin reusing a page). */
export interface WebInjectedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/**
 * The web dashboard, provided by the `web` plugin (name `web` in `dependsOn` or
 * `optionalDependsOn`): other plugins add JSON routes and pages to it.
 */
export interface WebSite {
  /** The address it listens on (`http://127.0.0.1:8080/base`), or null before it listens. */
  url(): string | null;
  /** Adds a JSON route for `owner` (the plugin id); dispose it in `api.onDispose`. */
  addRoute(owner: string, route: WebRouteDefinition): Disposable;
  /** Adds a page for `owner`; dispose it in `api.onDispose`. */
  addPage(owner: string, page: WebPageDefinition): Disposable;
  /** Answers a request as the server would, without a socket. */
  inject(request: { method?: 'GET' | 'HEAD'; url: string; headers?: Record<string, string> }): Promise<WebInjectedResponse>;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it literally, in element content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export const WebServices = {
  Site: createServiceToken<WebSite>('web.site'),
} as const;
