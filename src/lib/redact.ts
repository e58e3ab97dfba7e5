/**
 * Removes secrets from text and JSON before it reaches a log, a cache file, an artifact or a third
 * party (a judge's model provider): well-known token formats, bearer and basic credentials, secrets
 * in URLs and query strings, `NAME=value` of secret-named variables, `password=x` / `token: x` in any
 * case, and the values of secrets Archal knows (secret-named variables of an environment, tokens it
 * hands out) in their plain, URL-encoded and base64 forms.
 */

export const REDACTED = '[REDACTED]';

/**
 * Where a token may start: the start of the text, after a character that cannot be part of it, after
 * an escape (`\n` or `\u0007` in JSON text, where a plain word boundary would not be), or after a
 * terminal escape sequence (a colour `ESC[32m`, `ESC[38:5:196m`, `ESC[K`, `ESC M`; raw or JSON-escaped
 * as `\u001b[32m`), any that `stripAnsi` drops: a program that colours a token it prints ends the
 * colour with a letter, and a viewer that drops the colour would otherwise show the token whole.
 */
const START = String.raw`(?<=^|[^A-Za-z0-9_]|\\[nrtbf]|\\u[0-9a-fA-F]{4}|(?:\u001b|\\u001b)(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_]))`;
const token = (pattern: string, flags = 'g') => new RegExp(`${START}${pattern}`, flags);

/**
 * Token formats, each recognisable without context. Shared with the clone's request log, which
 * applies the same formats (src/clones/github/redact.ts).
 */
const TOKEN_PATTERNS: RegExp[] = [
  token(String.raw`gh[pousr]_[A-Za-z0-9_]{16,255}\b`), // GitHub classic, OAuth, user-to-server, server-to-server (app), refresh
  token(String.raw`github_pat_[A-Za-z0-9_]{20,255}\b`), // GitHub fine-grained
  token(String.raw`v1\.[0-9a-f]{40}\b`), // GitHub App installation tokens (legacy format)
  token(String.raw`sk-ant-[A-Za-z0-9_-]{16,}`), // Anthropic
  token(String.raw`sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}`), // OpenAI
  token(String.raw`(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b`), // AWS access key ids
  token(String.raw`xox[abeoprs]-[A-Za-z0-9-]{10,}`), // Slack tokens
  /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g, // Slack webhooks
  token(String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`), // Stripe secret and restricted keys
  token(String.raw`whsec_[A-Za-z0-9+/=]{16,}`), // Stripe webhook secrets
  token(String.raw`AIza[0-9A-Za-z_-]{35}\b`), // Google API keys
  token(String.raw`npm_[A-Za-z0-9]{36}\b`), // npm tokens
  token(String.raw`eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`), // JWTs
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/** Cheap test for "may contain a token format" (most text does not, and then nothing else runs). */
const TOKEN_HINT =
  /gh[pousr]_|github_pat_|v1\.|sk-|AKIA|ASIA|AROA|AIDA|xox|hooks\.slack|sk_|rk_|whsec_|AIza|npm_|eyJ|PRIVATE KEY/;

/**
 * Query and form parameters whose values are credentials (`?access_token=`, `&client_secret=`,
 * `sig=` of a signed URL…), in URLs and in `a=b&c=d` bodies.
 */
const SECRET_PARAMETER =
  /([?&;](?:[A-Za-z0-9_.-]*(?:token|secret|password|passwd|apikey|api_key|api-key|credential)[A-Za-z0-9_.-]*|key|sig|signature|auth|code)=)([^&#\s"'<>]+)/gi;

/** Token formats and secret query parameters: what both redactors remove from any text. */
export function redactTokenFormats(text: string): string {
  let output = text;
  if (TOKEN_HINT.test(output)) for (const pattern of TOKEN_PATTERNS) output = output.replace(pattern, REDACTED);
  if (output.includes('=')) output = output.replace(SECRET_PARAMETER, (_m, head: string) => `${head}${REDACTED}`);
  return output;
}

/** Names that end like these hold a secret, whatever their case (`password`, `db_passwd`, `client_secret`, `apiKey`…). */
const LOWER_SECRET_NAME = String.raw`(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key)`;

/**
 * Values after `name:` or `name=` that are a type or a placeholder in code (`password: string`,
 * `token=None`), not a secret.
 */
const TYPE_WORDS = new Set([
  'string',
  'str',
  'number',
  'int',
  'integer',
  'boolean',
  'bool',
  'bytes',
  'null',
  'none',
  'nil',
  'undefined',
  'true',
  'false',
  'any',
  'optional',
  'required',
  '[redacted]',
]);

/**
 * Credentials recognised by what surrounds them: `Authorization: Bearer x` (`token x`, `Basic x`),
 * AWS secret keys given by name, `://user:pass@`, and `NAME=value` / `"name": "value"` where the
 * name says it is a secret.
 */
const CONTEXT_PATTERNS: Array<[RegExp, (match: string, ...groups: string[]) => string]> = [
  [
    token(String.raw`(Bearer|Basic|token)(\s+)([A-Za-z0-9._~+/=-]{8,})`, 'gi'),
    (_m, scheme, space) => `${scheme}${space}${REDACTED}`,
  ],
  [
    /(aws_secret_access_key|secret_access_key|aws_session_token)(["'\s:=]+)([A-Za-z0-9/+=]{20,})/gi,
    (_m, name, sep) => `${name}${sep}${REDACTED}`,
  ],
  [
    /\b([A-Za-z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?))(\s*[=:]\s*)(["']?)([^\s"'&,;]{6,})/g,
    (_m, name, sep, quote) => `${name}${sep}${quote}${REDACTED}`,
  ],
  [
    /("[A-Za-z0-9_-]*(?:token|secret|password|passwd|api[_-]?key|private[_-]?key|access[_-]?key|credentials?)"\s*:\s*")([^"]{6,})(")/gi,
    (_m, head, _secret, close) => `${head}${REDACTED}${close}`,
  ],
  // In any case, and whatever the value's length: `password=x`, `api_key: x`, `client_secret = "x"`,
  // `"password": "x"`, `'token': 'x'`, also JSON-escaped (`\\"password\\": \\"x\\"`). The name must be followed by `=` or `:`, so prose that only
  // mentions one ("the token expired", "password reset page") stays.
  [
    token(
      String.raw`(\\?["']|)([A-Za-z0-9_-]{0,64}${LOWER_SECRET_NAME}\1\s*(?:=|:(?!:))\s*)(\\"[^"\\\n]+\\"|"[^"\n]+"|'[^'\n]+'|[^\s"'&,;:\\][^\s"'&,;]*)`,
      'gi',
    ),
    (match, keyQuote, head, value) => {
      const quote = (/^\\?["']/.exec(value) ?? [''])[0];
      const secret = quote ? value.slice(quote.length, -quote.length) : value;
      // A secret has letters or digits: `token=[]` or `password=***` shows there is none.
      return TYPE_WORDS.has(secret.toLowerCase()) || !/[A-Za-z0-9]/.test(secret)
        ? match
        : `${keyQuote}${head}${quote}${REDACTED}${quote}`;
    },
  ],
];

/** `scheme://user:password@`. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)([^@\s/]+)(@)/gi;

/**
 * Text the context patterns can match contains one of these; most text (bodies full of ordinary
 * words and URLs) contains none and skips running them.
 */
const CONTEXT_HINT = /bearer|basic|token|secret|password|passwd|api[_-]?key|private[_-]?key|access[_-]?key|credential/i;

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
  // A sealed box (an Actions secret's `encrypted_value`) is still the secret, only encrypted.
  'encryptedvalue',
];

/** JSON keys whose string values are secrets (`token`, `accessToken`, `client_secret`, `api-key`, `encrypted_value`…). */
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

/** Shorter values could be ordinary words; replacing them would mangle text. */
const MIN_SECRET_LENGTH = 6;

/** Values of secret-named variables in `env`, long enough that replacing them cannot mangle ordinary text. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name, value]) => isSecretName(name) && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
}

/** A secret as it may appear: as is, URL-encoded (a query string, a form), base64 (a header, a config blob). */
function encodings(value: string): string[] {
  const base64 = Buffer.from(value).toString('base64');
  return [
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(value).toString('base64url'),
  ];
}

/**
 * Redacts what a log, cache file or artifact must not keep: the values of the secret-named variables
 * of a host's environment, secrets it is told about, and well-known token formats. (The clone's
 * request log has its own redactor of the tokens the clone knows, with the same formats.)
 */
export class SecretRedactor {
  private readonly secrets: string[];
  private readonly values: string[];
  constructor(extraSecrets: Iterable<string>, env: NodeJS.ProcessEnv) {
    this.secrets = [
      ...new Set([...secretValues(env), ...[...extraSecrets].filter((value) => value.length >= MIN_SECRET_LENGTH)]),
    ];
    this.values = [...new Set(this.secrets.flatMap(encodings))]
      .filter((value) => value.length >= MIN_SECRET_LENGTH)
      .sort((a, b) => b.length - a.length);
  }

  /** The same redaction, also knowing `secrets` (the values a run gives an agent, say). */
  with(secrets: Iterable<string>): SecretRedactor {
    return new SecretRedactor([...this.secrets, ...secrets], {});
  }

  text(input: string): string {
    let output = input;
    for (const value of this.values) if (output.includes(value)) output = output.split(value).join(REDACTED);
    output = redactTokenFormats(output);
    if (CONTEXT_HINT.test(output))
      for (const [pattern, replace] of CONTEXT_PATTERNS)
        output = output.replace(pattern, replace as (m: string, ...g: string[]) => string);
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
    return redactInPlace(input, (text) => this.text(text)) as T;
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

/**
 * `input` itself (parsed JSON the caller owns), with every non-empty string under a secret-named key
 * replaced and every other string passed through `text`.
 */
export function redactInPlace(input: unknown, text: (value: string) => string, depth = 0): unknown {
  if (typeof input === 'string') return text(input);
  if (input === null || typeof input !== 'object') return input;
  if (depth > 64) return REDACTED;
  if (Array.isArray(input)) {
    for (let index = 0; index < input.length; index++) input[index] = redactInPlace(input[index], text, depth + 1);
    return input;
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    record[key] =
      isSecretKey(key) && typeof value === 'string' && value.length > 0
        ? REDACTED
        : redactInPlace(value, text, depth + 1);
  }
  return record;
}

/**
 * A URL with the password of its credentials (`//user:password@host`) masked, for messages. The
 * password ends at the authority's last `@` (people paste passwords with an unencoded `@`); a
 * libpq keyword/value string (`host=… password=…`) has its `password` masked too.
 */
export function maskUrlPassword(url: string): string {
  return url
    .replace(/\/\/([^:/@]+):[^/]*@/, '//$1:***@')
    .replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, '$1***');
}
