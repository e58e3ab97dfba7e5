import { requestContext } from '../domain/context.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloneCore } from '../core.js';
import { actingUser, type Actor } from '../state/actor.js';
import { docsUrl, type Reply, type RequestContext, type RouteSpec } from './route.js';
import type { Urls } from '../render/urls.js';
import { Journal } from '../state/store.js';
import { admit, type Admission } from './admission.js';
import { BodyTooLargeError, readBody } from './body.js';
import { strikeAfter, strikeBefore } from './faults.js';
import { ApiError, DOCS_ROOT, errorBody } from '../state/errors.js';
import { rateHeaders } from './rate-limit.js';
import { nextRequestId } from './request-id.js';
import { render, type Rendered } from './response-cache.js';
import { BadPathError, type Router } from './router.js';

// GitHub's own headers (what API clients read); its CORS headers are left out, they only matter to
// browsers. Headers travel as a flat [name, value, …] list, which Node writes without an object.
const BASE_HEADERS = ['server', 'GitHub.com', 'x-github-media-type', 'github.v3; format=json'];
/**
 * The REST API versions GitHub serves, newest first; without `X-GitHub-Api-Version` it selects
 * 2022-11-28. The clone answers both with the bodies of 2022-11-28.
 */
const API_VERSIONS = ['2026-03-10', '2022-11-28'];
const DEFAULT_API_VERSION = '2022-11-28';

/** The version a request selects; GitHub's 400 for one it does not serve. */
function apiVersion(req: IncomingMessage): string {
  const asked = req.headers['x-github-api-version'];
  if (asked === undefined) return DEFAULT_API_VERSION;
  const version = Array.isArray(asked) ? asked.join(', ') : asked.trim();
  if (API_VERSIONS.includes(version)) return version;
  const supported = API_VERSIONS.map((name, i) => `"${name}"${i === 0 ? ' (most recent)' : ''}`).join(', ');
  throw new ApiError(
    400,
    `The version you specified in the "X-GitHub-Api-Version" request header, "${version}", is not a supported version. The following versions are currently supported: ${supported}.`,
  );
}
const JSON_TYPE = 'application/json; charset=utf-8';
const VARY = 'Accept, Authorization, Cookie, X-GitHub-OTP';
/** Shared by requests without a query string; handlers only read it. */
const NO_QUERY = new URLSearchParams();

/** One HTTP exchange, its path split from its query string. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  search: string;
}

/** Where the API is mounted: `/` or `/api/v3`, and the URL bases responses use there. */
export interface Mount {
  prefix: string;
  urls: Urls;
}

/** What the request log needs to know about a REST request, filled in as it is served. */
interface Outcome {
  operationId: string | null;
  notImplemented: boolean;
  actor: Actor;
  status: number;
  requestText?: string;
  responseText?: string;
  docs: string;
}

/** Serves one REST request and records it (operation id, bodies, changes) in the request log. */
export async function handleRest(core: CloneCore, router: Router<RouteSpec | null>, exchange: Exchange, mount: Mount) {
  const started = performance.now();
  const { req, res, path, search } = exchange;
  const method = req.method ?? 'GET';
  const requestId = nextRequestId();
  const headers = [...BASE_HEADERS, 'x-github-request-id', requestId];
  const journal = new Journal();
  const deliveries: string[] = [];
  const outcome: Outcome = {
    operationId: null,
    notImplemented: false,
    actor: { kind: 'anonymous' },
    status: 500,
    docs: DOCS_ROOT,
  };
  try {
    const raw = await readBody(req, core.config.maxBodyBytes).catch((error: unknown) => {
      if (!(error instanceof BodyTooLargeError)) throw error;
      headers.push('connection', 'close');
      throw new ApiError(413, `Request body too large (the limit is ${core.config.maxBodyBytes} bytes)`);
    });
    outcome.requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
    headers.push('x-github-api-version-selected', apiVersion(req));
    const fault = core.faults.take(method, path);
    await strikeBefore(fault);
    const match = findRoute(router, method, path);
    const route = match?.route.value;
    if (!match || !route) {
      outcome.notImplemented = true;
      throw new ApiError(404, 'Not Found');
    }
    outcome.operationId = route.operationId;
    outcome.docs = docsUrl(route.docs);
    const admission = admit(core, route, req.headers.authorization, headers, requestId);
    outcome.actor = admission.actor;
    const cacheKey = method === 'GET' && route.cache ? responseKey(outcome.actor, mount, exchange) : undefined;
    const hit = cacheKey === undefined ? undefined : core.responses.get(core.store, cacheKey);
    if (hit) {
      strikeAfter(fault);
      outcome.status = 200;
      sendRendered(core, req, res, headers, hit, admission, outcome);
      return;
    }
    const ctx: RequestContext = {
      ...requestContext(core, { urls: mount.urls, actor: outcome.actor, journal, requestId, deliveries }),
      method,
      path,
      params: match.params,
      query: search ? new URLSearchParams(search) : NO_QUERY,
      body: method === 'GET' ? undefined : parseJson(outcome.requestText),
      headers: req.headers,
      // On the API base the bodies use, so `Link` leads a client back the way it came (api.github.com in route mode).
      selfUrl: `${mount.urls.api}${path}`,
    };
    const version = core.store.version;
    const store = core.store;
    const reply: Reply = await route.handler(ctx);
    strikeAfter(fault);
    outcome.status = reply.status;
    if (reply.kind === 'raw') {
      addHeaders(headers, reply.headers);
      headers.push('content-type', reply.contentType);
      outcome.responseText = typeof reply.data === 'string' ? reply.data : `<${reply.data.length} bytes>`;
      send(res, reply.status, headers, reply.data);
    } else if (reply.body === undefined) {
      addHeaders(headers, reply.headers);
      send(res, reply.status, headers, undefined);
    } else if (method === 'GET' && reply.status === 200) {
      const rendered = render(reply.body, reply.headers);
      if (cacheKey !== undefined) core.responses.set(store, version, cacheKey, rendered);
      sendRendered(core, req, res, headers, rendered, admission, outcome);
    } else {
      addHeaders(headers, reply.headers);
      outcome.responseText = JSON.stringify(reply.body);
      headers.push('content-type', JSON_TYPE);
      send(res, reply.status, headers, outcome.responseText);
    }
  } catch (error) {
    sendError(core, exchange, error, headers, outcome);
  } finally {
    // A handler may also have changed records in place: answers rendered before are stale.
    if (journal.changes.length > 0) core.store.touch();
    core.log.add(
      {
        requestId,
        kind: 'rest',
        method,
        path: `${mount.prefix}${path}`,
        query: search,
        operationId: outcome.operationId,
        notImplemented: outcome.notImplemented,
        status: outcome.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        actor:
          outcome.actor.kind === 'app' ? `app:${outcome.actor.app.slug}` : (actingUser(outcome.actor)?.login ?? null),
        changes: journal.changes,
        deliveries,
      },
      { request: outcome.requestText, response: outcome.responseText },
    );
  }
}

/**
 * A 200 GET with GitHub's cache validators (`ETag`, and `Last-Modified` for a single resource), or
 * `304 Not Modified` when the request's `If-None-Match` / `If-Modified-Since` match them: no body,
 * and (as on GitHub) not counted against the rate limit.
 */
function sendRendered(
  core: CloneCore,
  req: IncomingMessage,
  res: ServerResponse,
  headers: string[],
  rendered: Rendered,
  admission: Admission,
  outcome: Outcome,
): void {
  headers.push(...rendered.headers, 'etag', rendered.etag, 'vary', VARY);
  if (rendered.lastModified !== undefined) headers.push('last-modified', rendered.lastModified);
  if (notModified(req, rendered)) {
    outcome.status = 304;
    if (admission.counted) {
      const rate = core.limiter.refund(admission.counted.key, admission.counted.resource, Date.now());
      replaceRateHeaders(headers, rateHeaders(rate));
    }
    send(res, 304, headers, undefined);
    return;
  }
  outcome.responseText = rendered.text;
  headers.push('content-type', JSON_TYPE);
  send(res, 200, headers, rendered.bytes);
}

function notModified(req: IncomingMessage, rendered: Rendered): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined)
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim())
      .some((tag) => tag === '*' || tag === rendered.etag || tag === rendered.etag.slice(2));
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined || rendered.lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(rendered.lastModified) <= since;
}

/**
 * What a cacheable route's answer depends on besides the state: who asks (an installation token
 * by token, since each token has its own permissions), where the API is mounted and under which
 * host (the URLs in the body), the path and query, and the media type asked for.
 */
function responseKey(actor: Actor, mount: Mount, exchange: Exchange): string {
  const who =
    actor.kind === 'user'
      ? `u${actor.user.id}`
      : actor.kind === 'installation'
        ? `t${actor.token.id}`
        : actor.kind === 'app'
          ? `a${actor.app.id}`
          : '-';
  const accept = exchange.req.headers.accept ?? '';
  return `${who} ${mount.urls.api} ${mount.prefix}${exchange.path}?${exchange.search} ${accept}`;
}

function replaceRateHeaders(headers: string[], replacement: string[]): void {
  for (let i = 0; i < replacement.length; i += 2) {
    const at = headers.indexOf(replacement[i]!);
    if (at !== -1 && at % 2 === 0) headers[at + 1] = replacement[i + 1]!;
  }
}

function findRoute(router: Router<RouteSpec | null>, method: string, path: string) {
  try {
    return router.match(method, path);
  } catch (error) {
    if (error instanceof BadPathError) throw new ApiError(400, error.message);
    throw error;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Problems parsing JSON');
  }
}

/** GitHub's error body for an ApiError; anything else is a 500 (and a bug, reported). */
function sendError(core: CloneCore, exchange: Exchange, error: unknown, headers: string[], outcome: Outcome) {
  let message = 'Server Error';
  let errors;
  if (error instanceof ApiError) {
    outcome.status = error.status;
    message = error.message;
    errors = error.extra.errors;
    if (error.extra.documentationUrl) outcome.docs = error.extra.documentationUrl;
    addHeaders(headers, error.extra.headers);
    if (error.status === 401 && !error.extra.headers?.['www-authenticate'])
      headers.push('www-authenticate', 'Bearer realm="GitHub"');
  } else {
    outcome.status = 500;
    core.config.warn(
      `${exchange.req.method} ${exchange.path} failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
  outcome.responseText = JSON.stringify(errorBody(outcome.status, message, outcome.docs, errors));
  headers.push('content-type', JSON_TYPE);
  send(exchange.res, outcome.status, headers, outcome.responseText);
}

function addHeaders(list: string[], headers: Record<string, string> | undefined): void {
  if (headers) for (const name in headers) list.push(name, headers[name]!);
}

function send(res: ServerResponse, status: number, headers: string[], body: string | Buffer | undefined) {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  headers.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  res.writeHead(status, headers);
  res.end(body);
}
