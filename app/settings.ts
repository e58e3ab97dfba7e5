import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { archalHome } from '../src/lib/paths.js';
import { storeUrlProblem } from '../src/store/index.js';

/**
 * The App's settings, from its own environment (Probot's variables plus Archal's). Read once at
 * start; the secrets are then removed from the process environment, so nothing the worker starts
 * (git, agents) inherits them.
 */
export interface AppSettings {
  appId?: number;
  privateKey?: string;
  /** Where the key came from, for messages (never the key). */
  privateKeySource?: string;
  webhookSecret?: string;
  /** `GHE_HOST` (GitHub Enterprise, or a local clone) and its protocol. */
  gheHost?: string;
  gheProtocol: string;
  /** The REST API base URL. */
  apiUrl: string;
  logLevel: string;
  logFormat?: 'json' | 'pretty';
  /** The App's public URL and a smee.io channel, for the setup flow's webhook URL. */
  publicUrl?: string;
  webhookProxyUrl?: string;
  databaseUrl?: string;
  home: string;
  port: number;
  /** Whether PORT was set (a worker-only process then serves its health endpoint there). */
  portSet: boolean;
  host: string;
  /** `read` (default): agents get a read-only installation token; `none`: no token at all. */
  agentToken: 'read' | 'none';
  /** How long a silent worker keeps its jobs before another host takes them over. */
  leaseMs?: number;
  /** How often the worker pulls the registered trace sources (0: never). */
  tracePullMs: number;
  problems: string[];
}

/** Probot's log levels (pino's, `silent` among them). */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** Five minutes: a production trace is worth a look soon, and a source's query reads only new rows. */
const DEFAULT_TRACE_PULL_MS = 5 * 60 * 1000;

export const SECRET_VARIABLES = [
  'PRIVATE_KEY',
  'PRIVATE_KEY_PATH',
  'WEBHOOK_SECRET',
  'ARCHAL_DATABASE_URL',
  'DATABASE_URL',
  'GITHUB_CLIENT_SECRET',
];

export function readSettings(env: NodeJS.ProcessEnv): AppSettings {
  const problems: string[] = [];
  const rawId = env.APP_ID?.trim();
  const appId = rawId ? Number(rawId) : undefined;
  if (rawId && (!Number.isInteger(appId) || appId! <= 0))
    problems.push(`APP_ID must be a positive integer (got "${rawId}")`);
  let privateKey: string | undefined;
  let privateKeySource: string | undefined;
  if (env.PRIVATE_KEY?.trim()) {
    privateKey = decodeKey(env.PRIVATE_KEY.trim());
    privateKeySource = 'PRIVATE_KEY';
  } else if (env.PRIVATE_KEY_PATH?.trim()) {
    const path = resolve(env.PRIVATE_KEY_PATH.trim());
    privateKeySource = `PRIVATE_KEY_PATH (${path})`;
    try {
      privateKey = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push(`PRIVATE_KEY_PATH: cannot read ${path}: ${(error as Error).message}`);
    }
  }
  const gheHost = env.GHE_HOST?.trim() || undefined;
  const gheProtocol = env.GHE_PROTOCOL?.trim() || 'https';
  if (gheProtocol !== 'http' && gheProtocol !== 'https')
    problems.push(`GHE_PROTOCOL must be http or https (got "${gheProtocol}")`);
  // Probot hands LOG_LEVEL to pino, which throws on any other level at start-up.
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const logFormat = env.LOG_FORMAT?.trim() || undefined;
  if (logFormat !== undefined && logFormat !== 'json' && logFormat !== 'pretty')
    problems.push(`LOG_FORMAT must be json or pretty (got "${logFormat}")`);
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number (got "${env.PORT}")`);
  const agentToken = env.ARCHAL_APP_AGENT_TOKEN?.trim() || 'read';
  if (agentToken !== 'read' && agentToken !== 'none')
    problems.push(`ARCHAL_APP_AGENT_TOKEN must be "read" or "none" (got "${agentToken}")`);
  const lease = env.ARCHAL_APP_LEASE_MS?.trim() ? Number(env.ARCHAL_APP_LEASE_MS) : undefined;
  if (lease !== undefined && (!Number.isInteger(lease) || lease < 1_000))
    problems.push(`ARCHAL_APP_LEASE_MS must be an integer ≥ 1000 (got "${env.ARCHAL_APP_LEASE_MS}")`);
  const tracePull = env.ARCHAL_APP_TRACE_PULL_MS?.trim() ? Number(env.ARCHAL_APP_TRACE_PULL_MS) : undefined;
  if (tracePull !== undefined && !(Number.isInteger(tracePull) && (tracePull === 0 || tracePull >= 1_000)))
    problems.push(
      `ARCHAL_APP_TRACE_PULL_MS must be 0 (never) or an integer ≥ 1000 (got "${env.ARCHAL_APP_TRACE_PULL_MS}")`,
    );
  const urlProblem = storeUrlProblem(env, { allowDatabaseUrl: true });
  if (urlProblem) problems.push(urlProblem);
  return {
    ...(appId !== undefined && Number.isInteger(appId) ? { appId } : {}),
    ...(privateKey ? { privateKey } : {}),
    ...(privateKeySource ? { privateKeySource } : {}),
    ...(env.WEBHOOK_SECRET ? { webhookSecret: env.WEBHOOK_SECRET } : {}),
    ...(gheHost ? { gheHost } : {}),
    gheProtocol,
    apiUrl: gheHost ? `${gheProtocol}://${gheHost}/api/v3` : 'https://api.github.com',
    logLevel,
    ...(logFormat === 'json' || logFormat === 'pretty' ? { logFormat } : {}),
    ...(env.ARCHAL_APP_URL?.trim() ? { publicUrl: env.ARCHAL_APP_URL.trim().replace(/\/$/, '') } : {}),
    ...(env.WEBHOOK_PROXY_URL?.trim() ? { webhookProxyUrl: env.WEBHOOK_PROXY_URL.trim() } : {}),
    ...(databaseUrl(env) ? { databaseUrl: databaseUrl(env) } : {}),
    home: archalHome(env),
    port,
    portSet: Boolean(env.PORT?.trim()),
    host: env.HOST?.trim() || '127.0.0.1',
    agentToken: agentToken === 'none' ? 'none' : 'read',
    ...(lease !== undefined ? { leaseMs: lease } : {}),
    tracePullMs: tracePull !== undefined && Number.isInteger(tracePull) ? tracePull : DEFAULT_TRACE_PULL_MS,
    problems,
  };
}

/** `ARCHAL_DATABASE_URL`, else `DATABASE_URL` (the App's own environment is the App's). */
function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.ARCHAL_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/** A PEM given on one line (`\n` escapes, or base64 of the whole file), as hosting dashboards require. */
function decodeKey(value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.includes('-----BEGIN') ? decoded : value;
}

/** Whether the GitHub API is on this machine (our clone in tests): Octokit's rate-limit throttling is pointless there. */
export function isLoopback(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\./.test(name);
}
