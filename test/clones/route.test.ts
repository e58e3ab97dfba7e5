import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import { connect as tlsConnect } from 'node:tls';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { startRouteProxy, type RouteProxy } from '../../src/clones/github/route/index.js';
import { tempDir } from '../helpers/tmp.js';
import { startClone } from './support/clone.js';

/** Route mode: real clients (curl, Node fetch, Python, git) reach the clone at GitHub's own URLs. */
let clone: GitHubClone;
let proxy: RouteProxy;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  proxy = await startRouteProxy({ target: { host: '127.0.0.1', port: clone.port }, dir: clone.dir });
  env = {
    PATH: process.env.PATH,
    HOME: tempDir('archal-route-home-'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    ...proxy.env({ NO_PROXY: 'models.example, api.github.com' }),
    GITHUB_TOKEN: clone.token,
  };
});
afterAll(async () => {
  await proxy.stop();
});

function run(command: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(command, args, { cwd: options.cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

describe('the environment', () => {
  it('names the proxy and the CA in the variables common stacks read, keeping other NO_PROXY hosts', () => {
    expect(env.HTTPS_PROXY).toBe(proxy.url);
    expect(env.http_proxy).toBe(proxy.url);
    expect(env.NO_PROXY).toBe('localhost,127.0.0.1,::1,models.example');
    expect(env.no_proxy).toBe(env.NO_PROXY);
    expect(env.NODE_EXTRA_CA_CERTS).toBe(proxy.caFile);
    for (const name of ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'GIT_SSL_CAINFO'])
      expect(env[name]).toBe(proxy.bundleFile);
    expect(env.NODE_OPTIONS).toBe(`--require ${JSON.stringify(proxy.preloadFile)}`);
    // The CA's certificate is there for clients to trust; its private key is written nowhere.
    expect(readFileSync(proxy.caFile, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(readFileSync(proxy.bundleFile, 'utf8')).not.toMatch(/PRIVATE KEY/);
    expect(readFileSync(proxy.caFile, 'utf8')).not.toMatch(/PRIVATE KEY/);
  });
});

/** The certificate the proxy presents for `servername`, through a CONNECT tunnel, as a client sees it. */
function presented(servername: string): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const tunnel = request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: `${servername}:443` });
    tunnel.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return reject(new Error(`CONNECT answered ${res.statusCode}`));
      const tls = tlsConnect({ socket, servername, rejectUnauthorized: false }, () => {
        resolve(new X509Certificate(tls.getPeerCertificate(true).raw));
        tls.destroy();
      });
      tls.on('error', reject);
    });
    tunnel.on('error', reject);
    tunnel.end();
  });
}

describe('the run’s certificate authority', () => {
  it('keeps the certificates your own NODE_EXTRA_CA_CERTS adds, after the run CA', () => {
    const own = join(tempDir('archal-extra-ca-'), 'company.pem');
    const company = readFileSync(proxy.bundleFile, 'utf8').split('\n-----BEGIN')[1]!;
    writeFileSync(own, `-----BEGIN${company}`);
    const file = proxy.env({ NODE_EXTRA_CA_CERTS: own }).NODE_EXTRA_CA_CERTS!;
    expect(file).not.toBe(proxy.caFile);
    expect(readFileSync(file, 'utf8')).toBe(`${readFileSync(proxy.caFile, 'utf8')}\n-----BEGIN${company}`);
    expect(proxy.env({ NODE_EXTRA_CA_CERTS: join(own, 'missing') }).NODE_EXTRA_CA_CERTS).toBe(proxy.caFile);
  });

  it('is a fresh P-256 CA for each proxy, whose server certificate covers GitHub’s hosts', async () => {
    const ca = new X509Certificate(readFileSync(proxy.caFile));
    expect(ca.ca).toBe(true);
    expect(ca.publicKey.asymmetricKeyType).toBe('ec');
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const server = await presented('api.github.com');
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toBe('DNS:api.github.com, DNS:github.com, DNS:uploads.github.com');
    // Every tunnel gets the same server certificate; another proxy has another CA.
    expect((await presented('github.com')).fingerprint256).toBe(server.fingerprint256);
    const other = await startRouteProxy({
      target: { host: '127.0.0.1', port: clone.port },
      dir: tempDir('archal-ca-'),
    });
    try {
      expect(new X509Certificate(readFileSync(other.caFile)).fingerprint256).not.toBe(ca.fingerprint256);
      expect(server.checkIssued(new X509Certificate(readFileSync(other.caFile)))).toBe(false);
    } finally {
      await other.stop();
    }
  });
});

describe('clients reach the clone at https://api.github.com', () => {
  it('curl, with GitHub’s URLs in the answer', async () => {
    const result = await run('curl', [
      '-sS',
      '-H',
      `Authorization: token ${clone.token}`,
      'https://api.github.com/repos/acme/widgets/issues/1',
    ]);
    expect(result.stderr).toBe('');
    const issue = JSON.parse(result.stdout) as { number: number; url: string; html_url: string };
    expect(issue).toMatchObject({
      number: 1,
      url: 'https://api.github.com/repos/acme/widgets/issues/1',
      html_url: 'https://github.com/acme/widgets/issues/1',
    });
    const logged = clone.handle.requests().at(-1)!;
    expect(logged).toMatchObject({ method: 'GET', path: '/repos/acme/widgets/issues/1', status: 200 });
  });

  it('Link headers point back at api.github.com, so clients that follow them stay on GitHub’s host', async () => {
    const result = await run('curl', [
      '-sS',
      '-D',
      '-',
      '-o',
      '/dev/null',
      '-H',
      `Authorization: token ${clone.token}`,
      'https://api.github.com/repos/acme/widgets/issues?per_page=1&state=all',
    ]);
    expect(result.stderr).toBe('');
    const link = /^link: (.*)$/im.exec(result.stdout)?.[1] ?? '';
    expect(link).toContain(
      '<https://api.github.com/repos/acme/widgets/issues?per_page=1&state=all&page=2>; rel="next"',
    );
    expect(link).not.toContain('127.0.0.1');
    // Directly (no route), the links stay on the clone's own address and mount.
    const direct = await fetch(`${clone.apiUrl}/api/v3/repos/acme/widgets/issues?per_page=1&state=all`, {
      headers: { authorization: `token ${clone.token}` },
    });
    expect(direct.headers.get('link')).toContain(`<${clone.apiUrl}/api/v3/repos/acme/widgets/issues?`);
  });

  it('Node’s fetch with no configuration (the preload sends it through the proxy)', async () => {
    const script = `const res = await fetch('https://api.github.com/repos/acme/widgets/issues', {
      method: 'POST', headers: { authorization: 'Bearer ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Filed through the proxy' }) });
    console.log(res.status, (await res.json()).url);`;
    const result = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^201 https:\/\/api\.github\.com\/repos\/acme\/widgets\/issues\/\d+$/);
    expect(clone.handle.state().issues.map((issue) => issue.title)).toContain('Filed through the proxy');
  });

  it('Node loads the proxy agent only when the agent first fetches', async () => {
    const loaded = "Object.keys(require.cache).some((file) => file.includes('undici'))";
    const idle = await run(process.execPath, ['-e', `console.log(${loaded})`]);
    expect(idle.stdout.trim()).toBe('false');
    const fetched = await run(process.execPath, [
      '-e',
      `fetch('https://api.github.com/repos/acme/widgets', { headers: { authorization: 'token ' + process.env.GITHUB_TOKEN } }).then((res) => console.log(res.status, ${loaded}))`,
    ]);
    expect(fetched.stderr).toBe('');
    expect(fetched.stdout.trim()).toBe('200 true');
  });

  it('Python (urllib and requests)', async () => {
    const script = `
import json, os, urllib.request
req = urllib.request.Request('https://api.github.com/repos/acme/widgets', headers={'Authorization': 'token ' + os.environ['GITHUB_TOKEN']})
print(json.load(urllib.request.urlopen(req))['full_name'])
import requests
r = requests.get('https://api.github.com/repos/acme/widgets/labels', headers={'Authorization': 'token ' + os.environ['GITHUB_TOKEN']})
print(r.status_code, len(r.json()) > 0)
`;
    const result = await run('python3', ['-c', script]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(['acme/widgets', '200 True']);
  });

  it('git clones from and pushes to https://github.com/<owner>/<repo>.git', async () => {
    const dir = tempDir('archal-route-git-');
    const url = `https://x-access-token:${clone.token}@github.com/acme/widgets.git`;
    const cloned = await run('git', ['clone', '--quiet', url, 'work'], { cwd: dir });
    expect(cloned.stderr).toBe('');
    const work = join(dir, 'work');
    writeFileSync(join(work, 'routed.txt'), 'through the proxy\n');
    for (const args of [
      ['add', 'routed.txt'],
      ['-c', 'user.name=Route', '-c', 'user.email=route@example.com', 'commit', '--quiet', '-m', 'Routed'],
      ['push', '--quiet', 'origin', 'HEAD:refs/heads/routed'],
    ])
      expect((await run('git', args, { cwd: work })).code).toBe(0);
    expect(clone.handle.state().repos.find((repo) => repo.full_name === 'acme/widgets')?.branches).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'routed' })]),
    );
  });
});

describe('other hosts', () => {
  it('are refused with a reason and recorded', async () => {
    const https = await run('curl', ['-sS', 'https://example.com/']);
    expect(https.code).not.toBe(0);
    const http = await run('curl', ['-sS', 'http://example.org/path?q=1']);
    expect(http.stdout).toContain('example.org is not reachable from a scenario run');
    expect(proxy.refused()).toEqual([
      expect.objectContaining({ host: 'example.com', port: 443, method: 'CONNECT', url: null }),
      expect.objectContaining({ host: 'example.org', port: 80, method: 'GET', url: 'http://example.org/path?q=1' }),
    ]);
  });
});
