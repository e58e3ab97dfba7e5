import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { appJwt, appKeys, octokitFor, raw, smallProjectWithAppKey, startClone } from './support/clone.js';

const owner = 'acme';
const repo = 'widgets';
let clone: GitHubClone;
let now = Date.now();

beforeAll(async () => {
  clone = await startClone({ seed: smallProjectWithAppKey(), clock: () => new Date(now) });
});

describe('GitHub App authentication', () => {
  it('verifies app JWTs against the seeded public key, as GitHub does', async () => {
    const { privateKey } = appKeys();
    const good = await raw(clone, 'GET', '/app', { headers: { authorization: `Bearer ${appJwt(1, privateKey)}` } });
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ id: 1, slug: 'archal-bot', owner: { login: 'acme' } });

    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const cases: Array<[string, string]> = [
      [appJwt(1, other.privateKey), 'A JSON web token could not be decoded'],
      [
        appJwt(1, privateKey, { exp: Math.floor(Date.now() / 1000) - 10 }),
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      ],
      [
        appJwt(1, privateKey, { iat: Math.floor(Date.now() / 1000) - 60, exp: Math.floor(Date.now() / 1000) + 1200 }),
        "'Expiration time' claim ('exp') is too far in the future",
      ],
      [
        appJwt(1, privateKey, { iat: Math.floor(Date.now() / 1000) + 600 }),
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
      ],
      [appJwt(99, privateKey), 'A JSON web token could not be decoded'],
    ];
    for (const [jwt, message] of cases) {
      const response = await raw(clone, 'GET', '/app', { headers: { authorization: `Bearer ${jwt}` } });
      expect({ status: response.status, message: response.json.message }).toEqual({ status: 401, message });
    }
    const pat = await raw(clone, 'GET', '/app', { token: clone.token });
    expect(pat.status).toBe(401);
  });

  it('issues installation tokens that act as the bot, with the installation permissions', async () => {
    const app = octokitFor(clone, appJwt(1, appKeys().privateKey));
    const { data: installation } = await app.apps.getRepoInstallation({ owner, repo });
    expect(installation).toMatchObject({
      id: 1,
      app_slug: 'archal-bot',
      account: { login: 'acme' },
      repository_selection: 'all',
    });
    const { data: token } = await app.apps.createInstallationAccessToken({ installation_id: installation.id });
    expect(token.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(token.expires_at) - now).toBeGreaterThan(3_599_000);
    expect(Date.parse(token.expires_at) - now).toBeLessThanOrEqual(3_600_000);
    const bot = octokitFor(clone, token.token);
    const { data: comment } = await bot.issues.createComment({ owner, repo, issue_number: 1, body: 'On it' });
    expect(comment.user!.login).toBe('archal-bot[bot]');
    const { data: run } = await bot.checks.create({
      owner,
      repo,
      name: 'archal',
      head_sha: (await bot.repos.getBranch({ owner, repo, branch: 'main' })).data.commit.sha,
    });
    expect(run.app!.slug).toBe('archal-bot');
    // The token is redacted from the log of the request that created it.
    const created = clone.handle
      .requests()
      .find((entry) => entry.operationId === 'apps/create-installation-access-token')!;
    expect(JSON.stringify(created)).not.toContain(token.token);
    expect(created.responseBody).toMatchObject({ token: '[REDACTED]' });
  });

  it('narrows tokens to the requested permissions and repositories', async () => {
    const app = octokitFor(clone, appJwt(1, appKeys().privateKey));
    const { data: readOnly } = await app.apps.createInstallationAccessToken({
      installation_id: 1,
      permissions: { issues: 'read' },
    });
    const reader = octokitFor(clone, readOnly.token);
    expect((await reader.issues.get({ owner, repo, issue_number: 1 })).data.number).toBe(1);
    await expect(reader.issues.create({ owner, repo, title: 'nope' })).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
    await expect(
      app.apps.createInstallationAccessToken({ installation_id: 1, permissions: { administration: 'write' } }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      app.apps.createInstallationAccessToken({ installation_id: 1, repositories: ['not-there'] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(app.apps.createInstallationAccessToken({ installation_id: 42 })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('revokes an installation token with DELETE /installation/token, and refuses it from then on', async () => {
    const app = octokitFor(clone, appJwt(1, appKeys().privateKey));
    const { data: token } = await app.apps.createInstallationAccessToken({ installation_id: 1 });
    const bot = octokitFor(clone, token.token);
    expect((await bot.repos.get({ owner, repo })).status).toBe(200);
    await expect(octokitFor(clone, clone.token).apps.revokeInstallationAccessToken()).rejects.toMatchObject({
      status: 403,
    });
    expect((await bot.apps.revokeInstallationAccessToken()).status).toBe(204);
    await expect(bot.repos.get({ owner, repo })).rejects.toMatchObject({
      status: 401,
      response: { data: { message: 'Bad credentials' } },
    });
    // Another token of the same installation is untouched.
    const { data: other } = await app.apps.createInstallationAccessToken({ installation_id: 1 });
    expect((await octokitFor(clone, other.token).repos.get({ owner, repo })).status).toBe(200);
  });

  it('refuses installation tokens once they expire', async () => {
    const app = octokitFor(clone, appJwt(1, appKeys().privateKey));
    const { data: token } = await app.apps.createInstallationAccessToken({ installation_id: 1 });
    const bot = octokitFor(clone, token.token);
    expect((await bot.repos.get({ owner, repo })).status).toBe(200);
    now += 3_600_000 + 1000;
    await expect(bot.repos.get({ owner, repo })).rejects.toMatchObject({
      status: 401,
      response: { data: { message: 'Bad credentials' } },
    });
  });
});
