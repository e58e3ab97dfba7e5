import type { CloneCore } from '../core.js';
import { actorKey, type Actor } from '../state/actor.js';
import type { RouteSpec } from './route.js';
import { credential, resolveActor } from './auth.js';
import { ApiError } from '../state/errors.js';
import { rateHeaders, type RateState, type Resource } from './rate-limit.js';

const RATE_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

/** Who a request acts as and, when it was counted against a rate limit, which bucket. */
export interface Admission {
  actor: Actor;
  counted: { key: string; resource: Resource } | null;
}

/**
 * Who the request acts as, if it may call `route` at all (credentials the route accepts, within
 * the rate limit). Adds the `X-OAuth-Scopes` and `X-RateLimit-*` headers to `headers`.
 */
export function admit(
  core: CloneCore,
  route: RouteSpec,
  authorization: string | undefined,
  headers: string[],
  requestId: string,
): Admission {
  const actor = resolveActor(core.store, credential(authorization), core.unknownTokenUserId, core.now());
  const auth = route.auth ?? 'token';
  if (auth !== 'public') {
    if (actor.kind === 'anonymous') throw new ApiError(401, 'Requires authentication');
    if (auth === 'jwt' && actor.kind !== 'app') throw new ApiError(401, 'A JSON web token could not be decoded');
    if (auth === 'token' && actor.kind === 'app') throw new ApiError(403, 'Resource not accessible by integration');
  }
  if (actor.kind === 'user') headers.push('x-oauth-scopes', 'repo, read:org, workflow, gist');
  // GitHub does not count calls to /rate_limit.
  if (route.operationId === 'rate-limit/get') return { actor, counted: null };

  const { key, label } = actorKey(actor);
  const resource = route.resource ?? 'core';
  const rate = core.limiter.take(key, resource, Date.now());
  headers.push(...rateHeaders(rate));
  if (!rate.exceeded) return { actor, counted: { key, resource } };
  if (core.limiter.kind === 'secondary') {
    headers.push('retry-after', retryAfter(rate));
    throw new ApiError(429, secondaryLimitMessage(requestId), {
      documentationUrl: `${RATE_DOCS}#about-secondary-rate-limits`,
    });
  }
  throw new ApiError(403, `API rate limit exceeded for ${label}. ${supportNote(requestId)}`, {
    documentationUrl: RATE_DOCS,
  });
}

const supportNote = (requestId: string) =>
  `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;

/** GitHub's message for a secondary rate limit (REST and GraphQL). */
export const secondaryLimitMessage = (requestId: string) =>
  `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ${supportNote(requestId)}`;

/** Seconds until the bucket resets, at least 1: the `Retry-After` of a secondary limit. */
export const retryAfter = (rate: RateState) => String(Math.max(1, rate.reset - Math.floor(Date.now() / 1000)));
