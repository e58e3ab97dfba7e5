/**
 * Removes secrets from text and JSON before it reaches a log, a cache file or an artifact:
 * well-known token formats (GitHub, OpenAI, Anthropic, AWS), bearer and basic credentials, secrets
 * in URLs, and the values of environment variables whose names say they are secret.
 */

export const REDACTED = '[REDACTED]';

const TOKEN_PATTERNS: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9_]{20,255}\b/g, // GitHub classic, OAuth, user-to-server, server-to-server, refresh
  /\bgithub_pat_[A-Za-z0-9_]{20,255}\b/g, // GitHub fine-grained
  /\bv1\.[0-9a-f]{40}\b/g, // GitHub App installation tokens (legacy format)
  /\bsk-ant-[A-Za-z0-9_-]{16,}/g, // Anthropic
  /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, // OpenAI
  /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, // Slack
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API keys
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/** `Authorization: Bearer x`, `token x`, `Basic x`, AWS secret keys given by name. */
const CONTEXT_PATTERNS: Array<[RegExp, (match: string, ...groups: string[]) => string]> = [
  [/\b(Bearer|Basic|token)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi, (_m, scheme, space) => `${scheme}${space}${REDACTED}`],
  [
    /(aws_secret_access_key|secret_access_key|aws_session_token)(["'\s:=]+)([A-Za-z0-9/+=]{20,})/gi,
    (_m, name, sep) => `${name}${sep}${REDACTED}`,
  ],
];

/** `scheme://user:password@`. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)([^@\s/]+)(@)/gi;

/**
 * Text the token and context patterns can match contains one of these; most text (bodies full of
 * ordinary words and URLs) contains none and skips running them.
 */
const MAY_MATCH =
  /gh[pousr]_|github_pat_|v1\.|sk-|AKIA|ASIA|AROA|AIDA|xox[abprs]-|AIza|PRIVATE KEY|bearer|basic|token|secret_access_key|aws_session_token/i;

const SECRET_NAME = /(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i;

/** Environment variable names that hold secrets (GITHUB_TOKEN, OPENAI_API_KEY, DB_PASSWORD…). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

const SECRET_KEY_ENDINGS = [
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'privatekey',
  'accesskey',
  'authorization',
  'credential',
  'credentials',
];

/** JSON keys whose string values are secrets (`token`, `accessToken`, `client_secret`, `api-key`…). */
export function isSecretKey(key: string): boolean {
  let secret = secretKeys.get(key);
  if (secret === undefined) {
    const normalised = key.toLowerCase().replace(/[_-]/g, '');
    secret = SECRET_KEY_ENDINGS.some((ending) => normalised.endsWith(ending));
    // JSON keys repeat endlessly (every issue has a "title"): remember the answer for a bounded set.
    if (secretKeys.size < 10_000) secretKeys.set(key, secret);
  }
  return secret;
}
const secretKeys = new Map<string, boolean>();

/** Values of secret-named variables in `env`, long enough that replacing them cannot mangle ordinary text. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name, value]) => isSecretName(name) && typeof value === 'string' && value.length >= 6)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
}

/**
 * Redacts what a log, cache file or artifact must not keep: the values of the secret-named variables
 * of a host's environment, secrets it is told about, and well-known token formats. (The clone's
 * request log has its own, narrower redactor of the tokens the clone knows.)
 */
export class SecretRedactor {
  private readonly values: string[];
  constructor(extraSecrets: Iterable<string>, env: NodeJS.ProcessEnv) {
    this.values = [...new Set([...secretValues(env), ...[...extraSecrets].filter((value) => value.length >= 6)])].sort(
      (a, b) => b.length - a.length,
    );
  }

  text(input: string): string {
    let output = input;
    for (const value of this.values) if (output.includes(value)) output = output.split(value).join(REDACTED);
    if (MAY_MATCH.test(output)) {
      for (const pattern of TOKEN_PATTERNS) output = output.replace(pattern, REDACTED);
      for (const [pattern, replace] of CONTEXT_PATTERNS)
        output = output.replace(pattern, replace as (m: string, ...g: string[]) => string);
    }
    if (output.includes('@') && output.includes('://'))
      output = output.replace(URL_CREDENTIALS, (_m, head: string, _secret, at: string) => `${head}${REDACTED}${at}`);
    return output;
  }

  /** A deep copy with every string redacted, and every value under a secret-named key replaced. */
  value<T>(input: T): T {
    return this.walk(input, 0) as T;
  }

  /**
   * The same as `value`, done on `input` itself: for large values the caller owns (freshly parsed
   * JSON), where a copy would double the memory and the work.
   */
  valueInPlace<T>(input: T): T {
    return this.mutate(input, 0) as T;
  }

  private mutate(input: unknown, depth: number): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object') return input;
    if (depth > 64) return REDACTED;
    if (Array.isArray(input)) {
      for (let index = 0; index < input.length; index++) input[index] = this.mutate(input[index], depth + 1);
      return input;
    }
    const record = input as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      record[key] =
        isSecretKey(key) && typeof value === 'string' && value.length > 0 ? REDACTED : this.mutate(value, depth + 1);
    }
    return record;
  }

  private walk(input: unknown, depth: number): unknown {
    if (depth > 64) return REDACTED;
    if (typeof input === 'string') return this.text(input);
    if (Array.isArray(input)) return input.map((item) => this.walk(item, depth + 1));
    if (input && typeof input === 'object') {
      const output: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(input)) {
        output[key] =
          isSecretKey(key) && typeof value === 'string' && value.length > 0 ? REDACTED : this.walk(value, depth + 1);
      }
      return output;
    }
    return input;
  }
}

/** A URL with the password of its credentials (`//user:password@host`) masked, for messages. */
export function maskUrlPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
