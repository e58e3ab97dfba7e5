import type { Actor } from '../state/actor.js';
import { jwtIssuer, looksLikeJwt, verifyAppJwt } from '../domain/jwt.js';
import type { AppRecord } from '../state/model.js';
import type { Store } from '../state/store.js';
import { ApiError } from '../state/errors.js';

/** The credential of a request: `token X`, `Bearer X`, or basic auth whose password (or user) is the token. */
export function credential(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const value = space === -1 ? '' : header.slice(space + 1).trim();
  if (scheme === 'token' || scheme === 'bearer') return value || undefined;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon === -1 ? decoded : decoded.slice(0, colon);
    const password = colon === -1 ? '' : decoded.slice(colon + 1);
    // `x-access-token:<token>` (apps), `<user>:<token>` (PATs), `<token>:x-oauth-basic` (legacy).
    if (password && password !== 'x-oauth-basic') return password;
    return user || undefined;
  }
  return undefined;
}

/**
 * Who a credential acts as. Known tokens map to their user or installation; an app JWT to its app;
 * any other non-empty token to the seed's default user (agents under test get a fake token), or,
 * with strict tokens (`unknownTokenUserId` null), to GitHub's `401 Bad credentials`.
 */
export function resolveActor(
  store: Store,
  token: string | undefined,
  unknownTokenUserId: number | null,
  now: Date,
): Actor {
  if (!token) return { kind: 'anonymous' };
  const record = store.tokenRecord(token);
  if (record?.kind === 'user') {
    const user = store.get('user', record.userId);
    if (user) return { kind: 'user', user };
  }
  if (record?.kind === 'installation') {
    if (Date.parse(record.expiresAt) <= now.getTime()) throw new ApiError(401, 'Bad credentials');
    const installation = store.get('installation', record.installationId);
    const app = installation ? store.get('app', installation.appId) : undefined;
    const bot = app ? store.get('user', app.botUserId) : undefined;
    if (!installation || !app || !bot) throw new ApiError(401, 'Bad credentials');
    return { kind: 'installation', user: bot, app, installation, token: record };
  }
  if (looksLikeJwt(token)) return { kind: 'app', app: verifiedApp(store, token, now) };
  const user = store.get('user', unknownTokenUserId);
  if (!user) throw new ApiError(401, 'Bad credentials');
  return { kind: 'user', user };
}

function verifiedApp(store: Store, token: string, now: Date): AppRecord {
  const issuer = jwtIssuer(token);
  let app: AppRecord | undefined;
  for (const candidate of store.all('app'))
    if (String(candidate.id) === issuer || candidate.clientId === issuer) app = candidate;
  if (!app?.publicKey) throw new ApiError(401, 'A JSON web token could not be decoded');
  const check = verifyAppJwt(token, app.publicKey, Math.floor(now.getTime() / 1000));
  if (check.kind === 'invalid') throw new ApiError(401, check.message);
  return app;
}
