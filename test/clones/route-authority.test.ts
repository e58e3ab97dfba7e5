import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { startRouteProxy, ROUTED_HOSTS } from '../../src/clones/github/route/index.js';
import {
  AUTHORITY_CHECK_FILE,
  AUTHORITY_FILE,
  readAuthority,
  routeAuthority,
} from '../../src/clones/github/route/ca-store.js';
import { tempDir } from '../helpers/tmp.js';
import { startClone } from './support/clone.js';

/** Route mode's certificates kept in the user's Archal home between runs. */
let clone: GitHubClone;
beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
});
afterAll(async () => {
  await clone.handle.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const pemBlocks = (text: string) => text.match(/-----BEGIN [A-Z ]+-----/g) ?? [];

function curl(env: NodeJS.ProcessEnv, url: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('curl', ['-sS', '-H', `Authorization: token ${clone.token}`, url], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? 1 : 0, stdout, stderr }),
    );
  });
}

describe('a stored route authority', () => {
  it('is made once, kept private (0700 directory, 0600 file) without the CA key, and reused by the next proxy', async () => {
    const dir = join(tempDir('archal-home-'), 'route');
    const start = () =>
      startRouteProxy({
        target: { host: '127.0.0.1', port: clone.port },
        dir: tempDir('archal-run-'),
        authorityDir: dir,
      });
    const first = await start();
    const second = await start();
    try {
      const file = join(dir, AUTHORITY_FILE);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const stored = readFileSync(file, 'utf8');
      // The CA's certificate, the server certificate, and the server certificate's key: nothing else.
      expect(pemBlocks(stored)).toEqual([
        '-----BEGIN CERTIFICATE-----',
        '-----BEGIN CERTIFICATE-----',
        '-----BEGIN PRIVATE KEY-----',
      ]);
      const [caPem, serverPem, keyPem] = stored.match(/-----BEGIN[\s\S]*?-----END [A-Z ]+-----/g)!;
      const ca = new X509Certificate(caPem!);
      const server = new X509Certificate(serverPem!);
      expect(server.checkPrivateKey(createPrivateKey(keyPem!))).toBe(true);
      expect(ca.checkPrivateKey(createPrivateKey(keyPem!))).toBe(false);
      expect(server.verify(ca.publicKey)).toBe(true);
      // Both runs trust the same CA, and its certificate alone is what the agent is given.
      expect(readFileSync(first.caFile, 'utf8').trim()).toBe(caPem);
      expect(readFileSync(second.caFile, 'utf8').trim()).toBe(caPem);
      expect(readFileSync(second.caFile, 'utf8')).not.toMatch(/PRIVATE KEY/);
      // The trust bundle (the CA, then the public roots) is kept beside it and shared too.
      expect(second.bundleFile).toBe(first.bundleFile);
      expect(second.bundleFile.startsWith(dir)).toBe(true);
      const bundle = readFileSync(second.bundleFile, 'utf8');
      expect(bundle.startsWith(caPem!)).toBe(true);
      expect(pemBlocks(bundle).length).toBeGreaterThan(100);
      expect(bundle).not.toMatch(/PRIVATE KEY/);
      // A real client through the second proxy: the stored server key terminates its TLS.
      const env = { PATH: process.env.PATH, HOME: tempDir('archal-curl-home-'), ...second.env({}) };
      const result = await curl(env, 'https://api.github.com/repos/acme/widgets/issues/1');
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({
        number: 1,
        url: 'https://api.github.com/repos/acme/widgets/issues/1',
      });
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('is checked once per process while its file is unchanged, and again once it is written', async () => {
    const dir = join(tempDir('archal-home-'), 'route');
    const file = join(dir, AUTHORITY_FILE);
    const now = new Date();
    const made = await routeAuthority(ROUTED_HOSTS, { dir, now });
    // A whole second, so that the modification time is set back exactly below.
    const second = Math.floor(now.getTime() / 1000) - 60;
    utimesSync(file, second, second);
    expect(readAuthority(dir, ROUTED_HOSTS, now)?.caCert).toBe(made.caCert);

    // The same file (inode, size, modification time): not parsed again, only its validity window.
    const text = readFileSync(file, 'latin1');
    writeFileSync(file, text.replace(/[A-Za-z]/g, 'A'), { encoding: 'latin1' });
    utimesSync(file, second, second);
    expect(readAuthority(dir, ROUTED_HOSTS, now)?.caCert).toBe(made.caCert);
    expect(readAuthority(dir, ROUTED_HOSTS, new Date(now.getTime() + 6.5 * DAY))).toBeUndefined();
    // Other hosts, or a file written since: checked again (and this one is no authority).
    expect(readAuthority(dir, [...ROUTED_HOSTS, 'example.com'], now)).toBeUndefined();
    utimesSync(file, second + 1, second + 1);
    expect(readAuthority(dir, ROUTED_HOSTS, now)).toBeUndefined();
  });

  it('is checked in full once per file, the outcome kept beside it for the next process', async () => {
    const dir = join(tempDir('archal-home-'), 'route');
    const file = join(dir, AUTHORITY_FILE);
    const checkFile = join(dir, AUTHORITY_CHECK_FILE);
    const now = new Date();
    const made = await routeAuthority(ROUTED_HOSTS, { dir, now });
    expect(readAuthority(dir, ROUTED_HOSTS, now, false)?.caCert).toBe(made.caCert);
    expect(statSync(checkFile).mode & 0o777).toBe(0o600);

    // A new process trusts the kept outcome of this very file: told (falsely) that it ends within
    // the day, it makes no use of a certificate that is in fact valid for a week.
    const check = JSON.parse(readFileSync(checkFile, 'utf8')) as { notAfter: number };
    writeFileSync(checkFile, JSON.stringify({ ...check, notAfter: now.getTime() + DAY / 2 }), { mode: 0o600 });
    expect(readAuthority(dir, ROUTED_HOSTS, now, false)).toBeUndefined();

    // The file written since (even with its modification time set back): checked in full again.
    const second = Math.floor(now.getTime() / 1000) - 60;
    const text = readFileSync(file, 'latin1');
    writeFileSync(file, text);
    utimesSync(file, second, second);
    expect(readAuthority(dir, ROUTED_HOSTS, now, false)?.caCert).toBe(made.caCert);
    writeFileSync(file, text.replace(/[A-Za-z]/g, 'A'), { encoding: 'latin1' });
    utimesSync(file, second, second);
    expect(readAuthority(dir, ROUTED_HOSTS, now, false)).toBeUndefined();

    // A check file others can write is not trusted.
    writeFileSync(file, text);
    expect(readAuthority(dir, ROUTED_HOSTS, now, false)?.caCert).toBe(made.caCert);
    const kept = JSON.parse(readFileSync(checkFile, 'utf8')) as { notAfter: number };
    writeFileSync(checkFile, JSON.stringify({ ...kept, notAfter: now.getTime() + DAY / 2 }));
    chmodSync(checkFile, 0o666);
    expect(readAuthority(dir, ROUTED_HOSTS, now, false)?.caCert).toBe(made.caCert);
  });

  it('is made again when corrupt, readable by others, for other hosts, or near its end', async () => {
    const dir = join(tempDir('archal-home-'), 'route');
    const file = join(dir, AUTHORITY_FILE);
    const now = new Date();
    const original = (await routeAuthority(ROUTED_HOSTS, { dir, now })).caCert;
    expect((await routeAuthority(ROUTED_HOSTS, { dir, now })).caCert).toBe(original);

    // Near its end (less than a day left of seven): a new one.
    expect(readAuthority(dir, ROUTED_HOSTS, new Date(now.getTime() + 6.5 * DAY))).toBeUndefined();
    const renewed = (await routeAuthority(ROUTED_HOSTS, { dir, now: new Date(now.getTime() + 6.5 * DAY) })).caCert;
    expect(renewed).not.toBe(original);

    // Other hosts than the ones asked for: a new one.
    expect(readAuthority(dir, [...ROUTED_HOSTS, 'example.com'], now)).toBeUndefined();

    // Readable by other users: not trusted, replaced by a private one.
    chmodSync(file, 0o644);
    expect(readAuthority(dir, ROUTED_HOSTS, now)).toBeUndefined();
    const replaced = (await routeAuthority(ROUTED_HOSTS, { dir, now })).caCert;
    expect(replaced).not.toBe(renewed);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // Corrupt (a truncated write, a hand edit): a new one.
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 700), { mode: 0o600 });
    expect(readAuthority(dir, ROUTED_HOSTS, now)).toBeUndefined();
    const remade = await routeAuthority(ROUTED_HOSTS, { dir, now });
    expect(remade.caCert).not.toBe(replaced);
    const server = new X509Certificate((await remade.server()).cert);
    expect(server.verify(new X509Certificate(remade.caCert).publicKey)).toBe(true);
    expect(readAuthority(dir, ROUTED_HOSTS, now)?.caCert).toBe(remade.caCert);
  });
});
