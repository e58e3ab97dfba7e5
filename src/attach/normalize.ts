import { createHash } from 'node:crypto';
import { isSecretKey, redactTokenFormats } from '../lib/redact.js';
import type { TraceCall } from './schema.js';

/** Hosts of model providers: calls to them are the agent thinking, not a service a clone must stand in for. */
const LLM_HOSTS = [
  /(^|\.)api\.openai\.com$/,
  /(^|\.)openai\.azure\.com$/,
  /(^|\.)api\.anthropic\.com$/,
  /(^|\.)generativelanguage\.googleapis\.com$/,
  /(^|\.)aiplatform\.googleapis\.com$/,
  /^bedrock-runtime\./,
  /(^|\.)api\.mistral\.ai$/,
  /(^|\.)api\.groq\.com$/,
  /(^|\.)api\.cohere\.(ai|com)$/,
  /(^|\.)openrouter\.ai$/,
  /(^|\.)api\.deepseek\.com$/,
  /(^|\.)api\.together\.xyz$/,
];

/** Paths of GitHub's REST API (also under GitHub Enterprise's /api/v3 prefix). */
const GITHUB_PATH =
  /^(\/api\/v3)?\/(repos|user|users|orgs|search|installation|app|notifications|gists|issues|rate_limit|meta|teams|organizations)(\/|$|\?)/;

/** A trace id as a file name: kept when it is already safe, else a digest of it. */
export function safeTraceId(raw: string | null | undefined, fallback: string): string {
  const candidate = raw?.trim();
  if (candidate && /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(candidate) && !candidate.includes('..')) return candidate;
  return `t-${sha256(candidate || fallback).slice(0, 24)}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The host and path of a URL, a path, or null. */
export function splitUrl(url: string | null): { host: string | null; path: string | null } {
  if (!url) return { host: null, path: null };
  if (url.startsWith('/')) return { host: null, path: url };
  try {
    const parsed = new URL(url);
    return { host: parsed.host.toLowerCase(), path: `${parsed.pathname}${parsed.search}` };
  } catch {
    return { host: null, path: null };
  }
}

/** Which service an HTTP call talked to. Without a host, a GitHub-shaped path counts as GitHub. */
export function serviceOf(host: string | null, path: string | null): TraceCall['service'] {
  const bare = host?.replace(/:\d+$/, '') ?? null;
  if (bare && LLM_HOSTS.some((pattern) => pattern.test(bare))) return 'llm';
  if (bare === 'api.github.com' || bare === 'github.com' || bare === 'uploads.github.com') return 'github';
  if (path && GITHUB_PATH.test(path)) return 'github';
  if (path && bare === null && /\.git\/(info\/refs|git-(upload|receive)-pack)/.test(path)) return 'github';
  return 'other';
}

const TRUNCATION_MARKERS = ['…[truncated]', '...[truncated]'];

/**
 * A recorded body: JSON text is parsed, other text is kept as text; `recorded` is false when
 * nothing was recorded or only a truncated prefix was.
 */
export function body(value: unknown): { value: unknown; recorded: boolean } {
  if (value === undefined) return { value: null, recorded: false };
  if (typeof value === 'string') {
    if (TRUNCATION_MARKERS.some((marker) => value.endsWith(marker))) return { value, recorded: false };
    const trimmed = value.trim();
    if (trimmed === '') return { value: null, recorded: true };
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return { value: JSON.parse(trimmed) as unknown, recorded: true };
      } catch {
        return { value, recorded: true };
      }
    }
    return { value, recorded: true };
  }
  return { value, recorded: true };
}

/** Headers whose values are credentials. */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-access-token)$|token|secret|password|api[-_]?key/i;

/** The values of a Cookie header's pairs, or of a Set-Cookie header's cookie (its attributes are not secrets). */
function cookieValues(header: string, value: string): string[] {
  const name = header.toLowerCase();
  if (name !== 'cookie' && name !== 'set-cookie') return [];
  const pairs = name === 'cookie' ? value.split(';') : value.split(';').slice(0, 1);
  return pairs.map((pair) => pair.slice(pair.indexOf('=') + 1).trim()).filter((cookie) => cookie !== '');
}

/**
 * Secrets an imported trace carries: values of credential headers (with and without their scheme)
 * and of secret-named JSON keys in bodies. They are redacted wherever they appear in the artifacts.
 */
export function secretsIn(headers: Record<string, unknown>, bodies: unknown[]): string[] {
  const found = new Set<string>();
  const add = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length >= 6) found.add(trimmed);
    const credential = /^(?:bearer|token|basic|bot)\s+(\S{6,})$/i.exec(trimmed);
    if (credential) found.add(credential[1]!);
  };
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string') continue;
      add(item);
      // A cookie's value is the credential, and it shows up alone elsewhere (a body, a later header).
      for (const cookie of cookieValues(name, item)) add(cookie);
    }
  }
  const secretKey = new Map<string, boolean>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 32 || value === null || typeof value !== 'object') return;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'string') {
        let secret = secretKey.get(key);
        if (secret === undefined) secretKey.set(key, (secret = isSecretKey(key)));
        if (secret) add(item);
      } else if (item !== null && typeof item === 'object') walk(item, depth + 1);
    }
  };
  // Bodies come parsed, or as text that may be JSON.
  for (const item of bodies) walk(typeof item === 'string' ? body(item).value : item, 0);
  return [...found];
}

/**
 * `METHOD /path?query` of a call, from its URL with token formats removed first: the name drops the
 * host, and a secret a pattern finds only with its host (a Slack webhook's path) would otherwise
 * outlive the URL's redaction in it.
 */
function callName(method: string | null, url: string | null): string {
  const shown = url === null ? null : redactTokenFormats(url);
  return `${method ?? 'GET'} ${splitUrl(shown).path ?? shown ?? ''}`.trim();
}

/** An HTTP call in the normalized shape. */
export function httpCall(fields: {
  index: number;
  name?: string;
  method: string | null;
  url: string | null;
  status: number | null;
  request: unknown;
  response: unknown;
  startedAt: string | null;
  durationMs: number | null;
  error: string | null;
}): TraceCall {
  const { host, path } = splitUrl(fields.url);
  const service = serviceOf(host, path);
  const request = body(fields.request);
  const response = body(fields.response);
  return {
    index: fields.index,
    kind: service === 'llm' ? 'llm' : 'http',
    service,
    name: fields.name ?? callName(fields.method, fields.url),
    method: fields.method?.toUpperCase() ?? null,
    url: fields.url,
    host,
    status: fields.status,
    requestBody: request.value,
    responseBody: response.value,
    requestRecorded: request.recorded,
    responseRecorded: response.recorded,
    startedAt: fields.startedAt,
    durationMs: fields.durationMs,
    error: fields.error,
    model: null,
  };
}

/** An ISO time from epoch milliseconds, an ISO string, or nothing. */
export function isoTime(value: unknown): string | null {
  if (typeof value === 'number') return isoFromMs(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const numeric = Number(value);
    if (Number.isFinite(numeric)) return isoFromMs(numeric);
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return isoFromMs(parsed);
  }
  return null;
}

/** Milliseconds since the epoch as ISO 8601, or null past the dates JavaScript holds (±8.64e15 ms). */
export function isoFromMs(ms: number): string | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The first and last times of calls, and the span between them. */
export function timeSpan(times: Array<{ start: string | null; end: string | null }>): {
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
} {
  const starts = times.map((t) => t.start).filter((t): t is string => t !== null);
  const ends = times.map((t) => t.end ?? t.start).filter((t): t is string => t !== null);
  if (starts.length === 0) return { startedAt: null, endedAt: null, durationMs: null };
  const startedAt = starts.reduce((a, b) => (a < b ? a : b));
  const endedAt = ends.reduce((a, b) => (a > b ? a : b), startedAt);
  return { startedAt, endedAt, durationMs: Date.parse(endedAt) - Date.parse(startedAt) };
}
