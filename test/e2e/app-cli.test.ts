import { generateKeyPairSync } from 'node:crypto';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import { appKeys, appSeed, freePort, startApp, waitFor, WEBHOOK_SECRET } from '../helpers/app.js';
import { CLI, json, REPO_ROOT, runCli } from '../helpers/cli.js';
import { freshPostgresUrl } from '../helpers/stores.js';
import { tempDir } from '../helpers/tmp.js';
import pg from 'pg';

// `archal app start` and `archal app doctor` as a user runs them: flags, the environment they
// need, the setup flow without an App, the health endpoint, and the doctor against our clone.

let clone: GitHubClone;
let home: string;

const base = (): NodeJS.ProcessEnv => ({
  ARCHAL_HOME: home,
  DATABASE_URL: '',
  ARCHAL_DATABASE_URL: '',
  APP_ID: '',
  PRIVATE_KEY: '',
  PRIVATE_KEY_PATH: '',
  WEBHOOK_SECRET: '',
});

const appEnv = (): NodeJS.ProcessEnv => ({
  ...base(),
  APP_ID: '1',
  PRIVATE_KEY: appKeys().privateKey,
  WEBHOOK_SECRET,
  GHE_HOST: `127.0.0.1:${clone.port}`,
  GHE_PROTOCOL: 'http',
});

/** A .pem file that holds no key. */
function garbageKeyFile(): string {
  const path = join(tempDir('archal-app-key-'), 'app.pem');
  writeFileSync(path, 'not a key\n');
  return path;
}

beforeAll(async () => {
  home = tempDir('archal-app-cli-');
  clone = await startGitHubClone({ seed: appSeed(), logger: () => {} });
});

afterAll(async () => {
  await clone?.handle.stop();
});

describe('archal app start', () => {
  it('rejects bad flags and a missing configuration with exit 2 and what to do', async () => {
    const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
      [['--workers', '0'], appEnv(), /--workers must be an integer from 1 to 64 \(got "0"\)/],
      [['--port', 'http'], appEnv(), /--port must be an integer from 0 to 65535/],
      [['--worker-only', '--no-worker'], appEnv(), /--worker-only and --no-worker exclude each other/],
      [['--worker-only'], base(), /--worker-only needs APP_ID and PRIVATE_KEY/],
      [['--port', '0'], { ...appEnv(), WEBHOOK_SECRET: '' }, /WEBHOOK_SECRET is not set/],
      [['--port', '0'], { ...appEnv(), APP_ID: 'abc' }, /APP_ID must be a positive integer \(got "abc"\)/],
      [
        ['--port', '0'],
        { ...appEnv(), LOG_LEVEL: 'verbose' as NodeJS.ProcessEnv['LOG_LEVEL'] },
        /^archal app: LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent \(got "verbose"\)$/m,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), LOG_FORMAT: 'xml' as NodeJS.ProcessEnv['LOG_FORMAT'] },
        /^archal app: LOG_FORMAT must be json or pretty \(got "xml"\)$/m,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), GHE_PROTOCOL: 'ftp' },
        /^archal app: GHE_PROTOCOL must be http or https \(got "ftp"\)$/m,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), PRIVATE_KEY: '' },
        /APP_ID is set, but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is: set one to the App’s private key/,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), PRIVATE_KEY: 'notakey' },
        /^archal app: PRIVATE_KEY does not parse: .+\nUse the \.pem file GitHub generated for the App/,
      ],
      [
        ['--worker-only'],
        { ...appEnv(), PRIVATE_KEY: '', PRIVATE_KEY_PATH: garbageKeyFile() },
        /^archal app: PRIVATE_KEY_PATH \(.+\.pem\) does not parse/,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), ARCHAL_APP_AGENT_TOKEN: 'write' },
        /ARCHAL_APP_AGENT_TOKEN must be "read" or "none"/,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), ARCHAL_APP_TRACE_PULL_MS: '5' },
        /ARCHAL_APP_TRACE_PULL_MS must be 0 \(never\) or an integer ≥ 1000 \(got "5"\)/,
      ],
      [
        ['--port', '0'],
        { ...appEnv(), DATABASE_URL: 'mysql://app:pw@db/app' },
        /DATABASE_URL has the scheme "mysql:": the run store accepts a PostgreSQL URL/,
      ],
    ];
    // Started together: one after the other, fifteen starts of the App's bundle outlast the test's
    // timeout on a loaded two-core machine.
    const results = await Promise.all(cases.map(([args, env]) => runCli(['app', 'start', ...args], { env })));
    cases.forEach(([args, , message], i) => {
      expect({ args, code: results[i]!.code }).toEqual({ args, code: 2 });
      expect(results[i]!.stderr).toMatch(message);
    });
  }, 120_000);

  it('refuses port 0 for the setup flow: the App it registers needs a fixed webhook port', async () => {
    // Probot would listen on 3000 while the printed setup URL and the manifest's webhook URL said :0.
    const cases: Array<[string[], NodeJS.ProcessEnv]> = [
      [['--port', '0'], base()],
      [[], { ...base(), PORT: '0' }],
    ];
    for (const [args, env] of cases) {
      const result = await runCli(['app', 'start', ...args], { env, timeoutMs: 30_000 });
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(/^archal app: the setup flow \(no APP_ID\) needs a fixed port/m);
    }
  }, 90_000);

  it('serves a health endpoint beside the webhook path, and stops on SIGTERM', async () => {
    const port = await freePort();
    const app = await startApp(['--port', String(port), '--workers', '1'], appEnv());
    try {
      expect(app.output()).toContain(`/api/github/webhooks`);
      const health = await fetch(`http://127.0.0.1:${port}/api/github/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        appId: 1,
        store: 'sqlite',
        queue: 'store',
        worker: true,
      });
      const missing = await fetch(`http://127.0.0.1:${port}/nothing-here`);
      expect(missing.status).toBe(404);
    } finally {
      await app.stop();
    }
    expect(await app.exited).toBe(0);

    // A worker-only process (a container) answers its health endpoint, and receives nothing.
    const workerPort = await freePort();
    const worker = await startApp(['--worker-only', '--port', String(workerPort)], appEnv());
    try {
      const health = await fetch(`http://127.0.0.1:${workerPort}/api/github/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', receiver: false, worker: true, queued: 0 });
      const hook = await fetch(`http://127.0.0.1:${workerPort}/api/github/webhooks`, { method: 'POST', body: '{}' });
      expect(hook.status).toBe(404);
    } finally {
      await worker.stop();
    }
  });

  it('says the store does not answer on its health endpoint, with the store error in the log only', async () => {
    const databaseUrl = await freshPostgresUrl();
    const port = await freePort();
    const app = await startApp(['--port', String(port), '--workers', '1'], {
      ...appEnv(),
      ARCHAL_DATABASE_URL: databaseUrl,
    });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      expect((await fetch(`http://127.0.0.1:${port}/api/github/health`)).status).toBe(200);
      await client.query('alter table archal.app_jobs rename to app_jobs_elsewhere');
      const health = await fetch(`http://127.0.0.1:${port}/api/github/health`);
      expect(health.status).toBe(503);
      const body = await health.text();
      expect(JSON.parse(body)).toEqual({
        status: 'unavailable',
        error: "the run store did not answer (see the App's log)",
      });
      expect(body).not.toContain('app_jobs');
      await waitFor(
        () => app.output().includes('health: the run store did not answer'),
        10_000,
        'the store error in the log',
      );
      expect(app.output()).toContain('app_jobs');
    } finally {
      await client.end();
      await app.stop();
    }
  });

  it('answers deliveries GitHub never sends with a 4xx that says why, and keeps serving', async () => {
    const port = await freePort();
    const app = await startApp(['--port', String(port), '--workers', '1'], appEnv());
    const url = `http://127.0.0.1:${port}/api/github/webhooks`;
    const deliver = async (body: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issue_comment',
          'x-github-delivery': `junk-${Math.random()}`,
          'x-hub-signature-256': await sign(WEBHOOK_SECRET, body),
          ...headers,
        },
        body,
      });
      return { status: response.status, text: await response.text() };
    };
    try {
      // Signed, so only their shape is wrong: JSON that is not an object.
      for (const [body, kind] of [
        ['null', 'null'],
        ['[]', 'an array'],
        ['42', 'a number'],
        ['"text"', 'a string'],
        ['true', 'a boolean'],
      ]) {
        const answer = await deliver(body!);
        expect(answer.status).toBe(400);
        expect(JSON.parse(answer.text)).toEqual({
          error: expect.stringContaining(`is ${kind}; GitHub sends a JSON object`),
        });
      }
      expect((await deliver('{"action":')).status).toBe(400);
      // Over GitHub's 25 MB cap: read through and dropped, then refused.
      const huge = await deliver('{"pad":"' + 'x'.repeat(25 * 1024 * 1024) + '"}');
      expect(huge.status).toBe(413);
      expect(huge.text).toContain('25 MB');
      const health = await fetch(`http://127.0.0.1:${port}/api/github/health`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      expect(app.output()).not.toMatch(/TypeError|Event name not passed/);
    } finally {
      await app.stop();
    }
    expect(await app.exited).toBe(0);
  });

  it('without an APP_ID, serves Probot’s setup flow that registers the App from app.yml', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'app', 'start', '--port', String(port)], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        ...base(),
        NO_SMEE_SETUP: 'true',
        ARCHAL_APP_URL: 'https://archal.example.com',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await waitFor(() => output.includes('/probot'), 20_000, 'the setup page');
      const page = await (await fetch(`http://127.0.0.1:${port}/probot`)).text();
      const manifest = JSON.parse(/value='([^']+)'/.exec(page)![1]!.replace(/&quot;/g, '"')) as Record<string, unknown>;
      expect(manifest).toMatchObject({
        name: 'Archal',
        public: false,
        hook_attributes: { url: 'https://archal.example.com/api/github/webhooks' },
        default_permissions: {
          contents: 'write',
          pull_requests: 'write',
          issues: 'write',
          checks: 'write',
          metadata: 'read',
        },
        default_events: [
          'issues',
          'issue_comment',
          'pull_request',
          'pull_request_review',
          'pull_request_review_comment',
          'check_run',
        ],
        redirect_url: `http://127.0.0.1:${port}/probot/setup`,
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('archal app doctor', () => {
  it('checks the key, the JWT against GitHub, the installations, the secret and the store', async () => {
    const result = await runCli(['app', 'doctor', '--json'], { env: appEnv() });
    expect(result.code).toBe(0);
    const report = json<{ ok: boolean; checks: Array<{ name: string; status: string; message: string }> }>(result);
    expect(report.ok).toBe(true);
    const byName = Object.fromEntries(report.checks.map((check) => [check.name, check]));
    expect(byName['GitHub']).toMatchObject({ status: 'ok', message: expect.stringContaining('app "archal"') });
    expect(byName['installations']).toMatchObject({ status: 'ok', message: expect.stringContaining('acme') });
    expect(byName['store']).toMatchObject({ status: 'ok', message: expect.stringContaining('SQLite') });
    expect(byName['webhook secret']!.status).toBe('ok');

    const human = await runCli(['app', 'doctor'], { env: appEnv() });
    expect(human.stdout).toContain('✓ GitHub');
    expect(human.stdout).toContain('The App is ready.');
  });

  it('says what to fix: a key of another App, a key that does not parse, nothing configured', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const wrongKey = await runCli(['app', 'doctor', '--json'], { env: { ...appEnv(), PRIVATE_KEY: other.privateKey } });
    expect(wrongKey.code).toBe(1);
    const github = json<{ checks: Array<{ name: string; status: string; fix?: string }> }>(wrongKey).checks.find(
      (check) => check.name === 'GitHub',
    );
    expect(github).toMatchObject({ status: 'fail', fix: expect.stringContaining('APP_ID and the key') });

    const garbage = await runCli(['app', 'doctor'], { env: { ...appEnv(), PRIVATE_KEY: 'not a key' } });
    expect(garbage.code).toBe(1);
    expect(garbage.stdout).toMatch(/✗ private key: PRIVATE_KEY does not parse/);

    const nothing = await runCli(['app', 'doctor'], { env: base() });
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('✗ app id: APP_ID is not set');
    expect(nothing.stdout).toContain('✗ webhook secret');
    expect(nothing.stdout).toContain('✓ store');
  });
});
