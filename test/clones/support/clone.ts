import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import {
  startGitHubClone,
  type GitHubClone,
  type GitHubCloneOptions,
  type Seed,
} from '../../../src/clones/github/index.js';
import { REPO_ROOT } from '../../helpers/cli.js';

const running: GitHubClone[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((clone) => clone.handle.stop()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A clone stopped automatically when the test file ends. */
export async function startClone(options: GitHubCloneOptions = {}): Promise<GitHubClone> {
  const clone = await startGitHubClone(options);
  running.push(clone);
  return clone;
}

/** An Octokit client for the clone (Octokit's defaults otherwise, as an agent would use it). */
export function octokitFor(clone: { apiUrl: string }, token: string, baseSuffix = ''): Octokit {
  return new Octokit({
    baseUrl: `${clone.apiUrl}${baseSuffix}`,
    auth: token,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

/** A bundled named seed as an object, to extend in a test. */
export function namedSeed(name: string): Seed {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'bundled', 'seeds', 'github', `${name}.json`), 'utf8')) as Seed;
}

export const TOKENS = {
  alice: 'ghp_archalAliceToken00000000000000000001',
  bob: 'ghp_archalBobToken0000000000000000000002',
  bot: 'ghs_archalBotInstallationToken000000003',
};

let keys: { privateKey: string; publicKey: string } | undefined;

/** One RSA key pair per test file (generating one takes ~100 ms). */
export function appKeys() {
  keys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return keys;
}

/** An app JWT signed RS256, as @octokit/auth-app or Probot makes it. */
export function appJwt(
  appId: number | string,
  privateKey: string,
  claims: { iat?: number; exp?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(
    JSON.stringify({ iat: claims.iat ?? now - 30, exp: claims.exp ?? now + 540, iss: appId }),
  ).toString('base64url');
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** small-project with the app's public key, so app JWTs verify. */
export function smallProjectWithAppKey(): Seed {
  const seed = namedSeed('small-project');
  seed.apps![0]!.publicKey = appKeys().publicKey;
  return seed;
}

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  payload: Record<string, unknown>;
}

/** A real HTTP server receiving webhooks; `fail` answers 500 that many times first. */
export async function webhookReceiver(options: { fail?: number } = {}) {
  const received: ReceivedHook[] = [];
  let failures = options.fail ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (failures > 0) {
        failures--;
        res.writeHead(500).end('try again');
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, payload: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received };
}

/** Calls the clone without Octokit (to send exactly the bytes a test wants). */
export async function raw(
  clone: { apiUrl: string; controlToken?: string | null },
  method: string,
  path: string,
  options: { token?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${clone.apiUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `token ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(clone.controlToken && path.startsWith('/_archal') ? { 'x-archal-control-token': clone.controlToken } : {}),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> };
}
