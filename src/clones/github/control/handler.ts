import { timingSafeEqual } from 'node:crypto';
import { namesLoopback } from '../../../lib/loopback.js';
import type { ServerResponse } from 'node:http';
import type { CloneCore } from '../core.js';
import { BodyTooLargeError, readBody } from '../http/body.js';
import { ApiError } from '../state/errors.js';
import type { Exchange } from '../http/server.js';
import { SeedError } from '../seed/errors.js';
import type { ControlReply, Json } from './context.js';
import { CONTROL_ROUTES } from './routes.js';

function send(res: ServerResponse, reply: ControlReply) {
  if ('raw' in reply) {
    res.writeHead(reply.status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(reply.raw.length),
    });
    res.end(reply.raw);
    return;
  }
  const text = JSON.stringify(reply.body, null, 2);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/**
 * Whether a Host header names this machine's loopback (a request without one, as from a raw
 * socket, is no browser's): an open control API refuses rebound web pages.
 */
export function isLoopbackHost(header: string | undefined): boolean {
  return header === undefined || namesLoopback(header);
}

/** Every control endpoint that takes a body takes a JSON object (an empty body stands for `{}`). */
function parseBody(raw: Buffer): Json {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'Problems parsing JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const given = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new ApiError(422, `The body must be a JSON object, not ${given}`);
  }
  return parsed as Json;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the control API: state snapshots, reset and reseed, the request log, webhook deliveries
 * and simulations of what people do in GitHub's web UI. Its requests are not in the request log
 * (they are the harness's, not the agent's). Without a control token it answers only requests
 * addressed to a loopback host.
 */
export async function handleControl(core: CloneCore, exchange: Exchange, controlToken: string | null): Promise<void> {
  const { req, res, search } = exchange;
  const path = exchange.path.replace(/\/+$/, '');
  try {
    if (
      controlToken !== null &&
      path !== '/_archal/health' &&
      !sameSecret(req.headers['x-archal-control-token'], controlToken)
    )
      throw new ApiError(401, "The control API needs the clone's control token in X-Archal-Control-Token");
    if (controlToken === null && path !== '/_archal/health' && !isLoopbackHost(req.headers.host))
      throw new ApiError(
        403,
        `The control API answers only requests addressed to a loopback host (127.0.0.1, localhost, [::1]), not to ${JSON.stringify(req.headers.host)}; to reach it under another name, start the clone with a control token.`,
      );
    const raw = await readBody(req, core.config.maxBodyBytes);
    const body = parseBody(raw);
    for (const route of CONTROL_ROUTES) {
      if (route.method !== req.method) continue;
      const match = route.path.exec(path);
      if (!match) continue;
      return send(
        res,
        await route.handle({
          core,
          body,
          query: new URLSearchParams(search),
          groups: match.slice(1),
          headers: req.headers,
        }),
      );
    }
    throw new ApiError(404, `Unknown control endpoint: ${req.method} ${path}`);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return send(res, { status: 413, body: { message: 'Request body too large' } });
    if (error instanceof SeedError)
      return send(res, { status: 422, body: { message: error.message, problems: error.problems } });
    if (error instanceof ApiError)
      return send(res, {
        status: error.status,
        body: { message: error.message, ...(error.extra.errors ? { errors: error.extra.errors } : {}) },
      });
    return send(res, { status: 500, body: { message: error instanceof Error ? error.message : String(error) } });
  }
}
