import { createHmac } from 'node:crypto';

/** The run and job a runtime token is scoped to: `Actions.Results:<runBackendId>:<jobBackendId>`. */
export interface ResultsScope {
  runBackendId: string;
  jobBackendId: string;
}

export type ScopeCheck = { kind: 'valid'; scope: ResultsScope } | { kind: 'invalid'; message: string };

/**
 * An `ACTIONS_RUNTIME_TOKEN` shaped as the runner's: a JWT whose `scp` claim holds the results
 * scope of one job. Signed HS256 with the clone's key (the clone itself does not require it).
 */
export function runtimeToken(scope: ResultsScope, key: Buffer, nowSeconds: number, lifetimeSeconds = 6 * 3600): string {
  const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
  const payload = Buffer.from(
    JSON.stringify({
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.UploadArtifacts:${scope.runBackendId}:${scope.jobBackendId} Actions.Results:${scope.runBackendId}:${scope.jobBackendId}`,
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vso:00000000-0000-0000-0000-000000000000',
      nbf: nowSeconds - 60,
      iat: nowSeconds,
      exp: nowSeconds + lifetimeSeconds,
    }),
  ).toString('base64url');
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/**
 * The results scope of a runtime token, as the results service reads it. The signature is not
 * checked (tests sign with any key, or not at all); the expiry is, when the token has one.
 */
export function resultsScope(token: string, nowSeconds: number): ScopeCheck {
  const parts = token.split('.');
  if (parts.length < 2) return invalid('the runtime token is not a JWT');
  let payload: { scp?: unknown; exp?: unknown };
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    return invalid('the runtime token is not a JWT (its payload is not JSON)');
  }
  if (typeof payload.exp === 'number' && payload.exp <= nowSeconds) return invalid('the runtime token has expired');
  if (typeof payload.scp !== 'string') return invalid('the runtime token has no "scp" claim');
  for (const scope of payload.scp.split(' ')) {
    const [name, run, job, ...rest] = scope.split(':');
    if (name !== 'Actions.Results') continue;
    if (!run || !job || rest.length > 0)
      return invalid(`malformed scope "${scope}": expected Actions.Results:<runBackendId>:<jobBackendId>`);
    return { kind: 'valid', scope: { runBackendId: run, jobBackendId: job } };
  }
  return invalid('the runtime token has no Actions.Results:<runBackendId>:<jobBackendId> scope');
}

const invalid = (message: string): ScopeCheck => ({ kind: 'invalid', message });
