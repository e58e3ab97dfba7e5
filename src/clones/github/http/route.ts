import type { IncomingHttpHeaders } from 'node:http';
import type { DomainContext } from '../domain/context.js';
import type { Resource } from './rate-limit.js';
import type { Method } from './router.js';

/** A REST request: the domain context plus what the route matched and received. */
export interface RequestContext extends DomainContext {
  method: string;
  /** Path without the `/api/v3` prefix. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Absolute URL of this request without its query (the base of `Link` headers). */
  selfUrl: string;
}

export type Reply =
  | { kind: 'json'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; data: string | Buffer; contentType: string; headers?: Record<string, string> };

/**
 * Who may call a route: `token` (a user or installation token — the default), `jwt` (an app
 * JWT), `any` (either), `public` (no credentials needed).
 */
export type RouteAuth = 'token' | 'jwt' | 'any' | 'public';

export interface RouteSpec {
  method: Method;
  /** GitHub's path template; `{x+}`/`{x*}` mark parameters that may contain `/`. */
  path: string;
  operationId: string;
  /** Path under https://docs.github.com/rest/ (or a full URL). */
  docs: string;
  auth?: RouteAuth;
  /**
   * GitHub serves the route but its OpenAPI description no longer lists it (an older path that
   * SDKs and scripts still call), so the description cannot name or validate it.
   */
  undocumented?: true;
  resource?: Resource;
  /**
   * The 200 answer depends only on the state's records, who asks, the URL and `Accept` (no git
   * objects, no clock, no side effects): it is kept and served again until the state changes.
   */
  cache?: boolean;
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
  kind: 'json',
  status,
  body,
  headers,
});
export const ok = (body: unknown, headers?: Record<string, string>) => json(200, body, headers);
export const created = (body: unknown, headers?: Record<string, string>) => json(201, body, headers);
export const noContent = (): Reply => json(204);

export const docsUrl = (docs: string): string =>
  docs.startsWith('http') ? docs : `https://docs.github.com/rest/${docs}`;
