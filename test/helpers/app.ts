import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { parse } from 'yaml';
import type { Seed, GitHubClone } from '../../src/clones/github/index.js';
import { CLI, REPO_ROOT } from './cli.js';
import { fileEnded, stopBeforeRemoval } from './tmp.js';

export const APP_AGENT = join(REPO_ROOT, 'test', 'fixtures', 'agents', 'app-agent.mjs');
export const WEBHOOK_SECRET = 'app-test-webhook-secret';

export const TOKENS = {
  alice: 'ghp_appTestAliceToken000000000000000000001',
  rita: 'ghp_appTestRitaToken0000000000000000000002',
  ci: 'ghs_appTestCiInstallationToken0000000003',
  dana: 'ghp_appTestDanaToken0000000000000000000004',
  tom: 'ghp_appTestTomToken00000000000000000000005',
};

let keys: { privateKey: string; publicKey: string } | undefined;
export function appKeys() {
  keys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return keys;
}

/**
 * acme/widgets with a bug (add() subtracts), its test, an issue about it, a pull request with the
 * same bug on a branch, the Archal App (id 1, its public key) and a CI app (id 2) installed, alice
 * (org admin), rita (read-only collaborator), and dana and tom, collaborators with the organisation's
 * custom repository roles "Deployer" (based on write) and "Auditor" (based on triage). The default branch's .archal.json runs AI nodes
 * with the stub agent through the `exec` provider.
 */
export function appSeed(app: Record<string, unknown> = {}): Seed {
  const manifest = parse(readFileSync(join(REPO_ROOT, 'app.yml'), 'utf8')) as {
    default_permissions: Record<string, string>;
    default_events: string[];
  };
  const config = {
    assistants: { default: 'exec', exec: { command: process.execPath, args: [APP_AGENT] } },
    app: { testCommand: 'node test.js', ...app },
  };
  const gated = [
    'name: gated',
    'description: Writes a note, waits for approval, then finishes.',
    'nodes:',
    '  - id: edit',
    '    prompt: Write the notes.',
    '  - id: gate',
    '    depends_on: [edit]',
    '    approval: { message: "Publish the notes?" }',
    '  - id: finish',
    '    depends_on: [gate]',
    '    bash: echo approved',
    '',
  ].join('\n');
  return {
    users: [
      { login: 'alice', name: 'Alice' },
      { login: 'rita', name: 'Rita' },
      { login: 'dana', name: 'Dana' },
      { login: 'tom', name: 'Tom' },
    ],
    orgs: [{ login: 'acme', members: { alice: 'admin' }, memberRole: 'read' }],
    tokens: [
      { token: TOKENS.alice, user: 'alice' },
      { token: TOKENS.rita, user: 'rita' },
      { token: TOKENS.dana, user: 'dana' },
      { token: TOKENS.tom, user: 'tom' },
      { token: TOKENS.ci, installation: 2 },
    ],
    apps: [
      {
        id: 1,
        slug: 'archal',
        name: 'Archal',
        owner: 'acme',
        publicKey: appKeys().publicKey,
        // Registered as app.yml registers it: the App works with what it declares, no more.
        permissions: manifest.default_permissions,
        events: manifest.default_events,
      },
      {
        id: 2,
        slug: 'ci',
        name: 'CI',
        owner: 'acme',
        permissions: { metadata: 'read', checks: 'write', issues: 'write', pull_requests: 'write' },
      },
    ],
    installations: [
      { id: 1, app: 'archal', account: 'acme', repositories: 'all' },
      { id: 2, app: 'ci', account: 'acme', repositories: 'all' },
    ],
    repos: [
      {
        owner: 'acme',
        name: 'widgets',
        private: true,
        collaborators: {
          rita: 'read',
          dana: { name: 'Deployer', baseRole: 'write' },
          tom: { name: 'Auditor', baseRole: 'triage' },
        },
        labels: [{ name: 'bug' }, { name: 'archal:fix' }],
        files: {
          'package.json': JSON.stringify(
            { name: 'widgets', private: true, scripts: { test: 'node test.js' } },
            null,
            2,
          ),
          'src/add.js': 'module.exports = (a, b) => a - b;\n',
          'test.js':
            "const assert = require('node:assert');\nassert.strictEqual(require('./src/add.js')(2, 3), 5);\nconsole.log('ok');\n",
          '.archal.json': JSON.stringify(config, null, 2),
          '.archal/workflows/gated.yaml': gated,
        },
        branches: [
          {
            name: 'feature',
            from: 'main',
            commits: [
              {
                message: 'Add a README',
                files: {
                  'README.md': '# widgets\n',
                  // What a pull request cannot do: change what runs or who may run it (the App reads
                  // .archal.json from the default branch only).
                  '.archal.json': JSON.stringify({
                    assistants: { default: 'exec', exec: { command: 'definitely-not-a-command' } },
                    app: { fixChecks: ['something else'], minPermission: 'admin', autoFix: true },
                  }),
                },
              },
            ],
          },
        ],
        issues: [
          { number: 1, title: 'add() subtracts', body: 'add(2, 3) returns -1.', author: 'alice' },
          { number: 2, title: 'Document add()', body: 'Write notes.', author: 'alice' },
          { number: 3, title: 'Hold me', body: 'A fix that takes a while.', author: 'alice' },
          { number: 5, title: 'Label me', body: 'Fix by label.', author: 'alice' },
          { number: 6, title: 'Cancel me', body: 'A fix to cancel.', author: 'alice' },
          { number: 7, title: 'Reject me', body: 'Notes to reject.', author: 'alice' },
        ],
        pulls: [{ number: 4, title: 'Add a README', head: 'feature', base: 'main', author: 'alice' }],
      },
    ],
  } as unknown as Seed;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** `archal app start …` as its own process, resolved once it says it is running. */
export async function startApp(args: string[], env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const child = spawn(process.execPath, [CLI, 'app', 'start', ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: '',
      ARCHAL_DATABASE_URL: '',
      LOG_LEVEL: (process.env.APP_TEST_LOG_LEVEL ?? 'warn') as NodeJS.ProcessEnv['LOG_LEVEL'],
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  stopBeforeRemoval(stop);
  const started = await Promise.race([
    waitFor(() => output.includes('running (pid'), 30_000, 'the App to start').then(() => true),
    exited.then(() => false),
  ]);
  if (!started) throw new Error(`archal app start exited:\n${output}`);
  return { child, pid: child.pid!, output: () => output, exited, stop };
}

export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const ended = fileEnded();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    if (ended()) throw new Error(`the test file ended while waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The stub agent's calls so far. */
export function agentCalls(dir: string): Array<Record<string, unknown> & { node: string; runId: string }> {
  const file = join(dir, 'calls.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { node: string; runId: string });
}

/** Sends a delivery the clone made once more, byte for byte, as GitHub's "Redeliver" does. */
export async function redeliver(clone: GitHubClone, deliveryId: string, url: string): Promise<number> {
  const delivery = clone.handle.deliveries().find((candidate) => candidate.id === deliveryId);
  if (!delivery) throw new Error(`no delivery ${deliveryId}`);
  const body = JSON.stringify(delivery.payload);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.event,
      'x-github-delivery': delivery.id,
      'x-hub-signature-256': await sign(WEBHOOK_SECRET, body),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
