import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { ROUTES, type GitHubClone } from '../../src/clones/github/index.js';
import { restRouter } from '../../src/clones/github/routes/index.js';
import { octokitFor, startClone } from './support/clone.js';
import { OpenApi } from './support/openapi.js';

/**
 * REST paths and media types as clients other than Octokit's endpoint methods write them: `gh api`,
 * curl, Python's requests and the older SDKs put branch names with `/` in the path unencoded and
 * call GitHub's older, still-served `git/refs` form. Octokit's `request` with a literal path sends
 * exactly what they send.
 */
let clone: GitHubClone;
let octokit: Octokit;
const owner = 'acme';
const repo = 'widgets';

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  octokit = octokitFor(clone, clone.token);
});

const headOf = async (branch: string) =>
  (await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;

describe('compare with branch names that contain a slash', () => {
  it('compares main...feature/color written as is, and serves the URL it answers with', async () => {
    const { data } = await octokit.request('GET /repos/acme/widgets/compare/main...feature/color');
    expect([data.status, data.ahead_by, data.commits.at(-1)?.sha]).toEqual(['ahead', 1, await headOf('feature/color')]);
    // The `url` GitHub puts in the answer names the comparison the same way; it must be served too.
    expect(data.url).toBe(`${clone.apiUrl}/repos/acme/widgets/compare/main...feature/color`);
    const again = await octokit.request(`GET ${data.url}`);
    expect(again.data.ahead_by).toBe(1);
    // A slash on the base side, and on both.
    const reverse = (await octokit.request('GET /repos/acme/widgets/compare/feature/color...main')).data;
    expect([reverse.status, reverse.behind_by]).toEqual(['behind', 1]);
    const both = (await octokit.request('GET /repos/acme/widgets/compare/fix/readme-typo...feature/color')).data;
    expect(both.status).toBe('diverged');
  });
});

describe('GET git/refs, the older form of get-a-reference and list-matching-references', () => {
  const openapi = new OpenApi();
  type Ref = { ref: string; object: { sha: string; type: string } };

  it('answers one ref for a full name, the refs a prefix starts for a prefix, every ref without one', async () => {
    const main = await headOf('main');
    const one = (await octokit.request('GET /repos/acme/widgets/git/refs/heads/main')).data as Ref;
    expect([one.ref, one.object.sha, one.object.type]).toEqual(['refs/heads/main', main, 'commit']);
    // The same answer as git/ref (get-a-reference), in its documented shape.
    expect(one).toEqual((await octokit.git.getRef({ owner, repo, ref: 'heads/main' })).data);
    expect(openapi.validate('git/get-ref', 200, one)).toEqual([]);

    // A slash inside the branch name, written as is (gh api) and encoded (Octokit's own templates).
    const slashed = (await octokit.request('GET /repos/acme/widgets/git/refs/heads/feature/color')).data as Ref;
    expect(slashed.object.sha).toBe(await headOf('feature/color'));
    const encoded = await octokit.request('GET /repos/{owner}/{repo}/git/refs/{ref}', {
      owner,
      repo,
      ref: 'heads/feature/color',
    });
    expect((encoded.data as Ref).ref).toBe('refs/heads/feature/color');

    // No ref of that name: the refs whose names start with it, as an array.
    const prefixed = (await octokit.request('GET /repos/acme/widgets/git/refs/heads/f')).data as Ref[];
    expect(prefixed.map((ref) => ref.ref)).toEqual(['refs/heads/feature/color', 'refs/heads/fix/readme-typo']);
    expect(openapi.validate('git/list-matching-refs', 200, prefixed)).toEqual([]);
    const heads = (await octokit.request('GET /repos/acme/widgets/git/refs/heads')).data as Ref[];
    expect(heads.map((ref) => ref.ref)).toEqual([
      'refs/heads/feature/color',
      'refs/heads/fix/readme-typo',
      'refs/heads/main',
    ]);
    const all = (await octokit.request('GET /repos/{owner}/{repo}/git/refs', { owner, repo })).data as Ref[];
    expect(all.map((ref) => ref.ref)).toEqual(
      (await octokit.git.listMatchingRefs({ owner, repo, ref: '' })).data.map((ref) => ref.ref),
    );
    expect(all.map((ref) => ref.ref)).toContain('refs/heads/main');

    // Neither a ref nor a prefix of one: 404, as GitHub answers.
    await expect(octokit.request('GET /repos/acme/widgets/git/refs/heads/nope')).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('commit and comparison media types', () => {
  it('answers a commit as its bare SHA (application/vnd.github.sha), 304 when the SHA is the ETag', async () => {
    const main = await headOf('main');
    const answer = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
      owner,
      repo,
      ref: 'main',
      headers: { accept: 'application/vnd.github.sha' },
    });
    expect(answer.data).toBe(main);
    expect(answer.headers['content-type']).toMatch(/^application\/vnd\.github\.sha/);
    expect(answer.headers.etag).toBe(`"${main}"`);
    // The older form with the version in it, as actions/checkout and scripts send it.
    const v3 = await octokit.request('GET /repos/acme/widgets/commits/feature/color', {
      headers: { accept: 'application/vnd.github.v3.sha' },
    });
    expect(v3.data).toBe(await headOf('feature/color'));
    // "Is my local SHA still the branch's head?": the local SHA as If-None-Match.
    await expect(
      octokit.request('GET /repos/acme/widgets/commits/main', {
        headers: { accept: 'application/vnd.github.sha', 'if-none-match': `"${main}"` },
      }),
    ).rejects.toMatchObject({ status: 304 });
  });

  it('answers a commit and a comparison as a patch (mediaType.format patch), as git format-patch writes it', async () => {
    const tip = await headOf('feature/color');
    const commit = await octokit.repos.getCommit({ owner, repo, ref: tip, mediaType: { format: 'patch' } });
    const patch = commit.data as unknown as string;
    expect(commit.headers['content-type']).toMatch(/^application\/vnd\.github\.patch/);
    expect(patch.startsWith(`From ${tip} Mon Sep 17 00:00:00 2001\n`)).toBe(true);
    expect(patch).toContain('Subject: [PATCH] Add a color option');
    expect(patch).toContain('diff --git a/src/widget.js b/src/widget.js');

    const compared = await octokit.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: 'main...feature/color',
      mediaType: { format: 'patch' },
    });
    const series = compared.data as unknown as string;
    expect(compared.headers['content-type']).toMatch(/^application\/vnd\.github\.patch/);
    expect(series.match(/^From [0-9a-f]{40} /gm)).toHaveLength(1);
    expect(series).toContain('Subject: [PATCH] Add a color option');
  });
});

describe('branches where a commit is the head', () => {
  it('lists the branches whose tip a commit is, instead of reading the path as a ref', async () => {
    const tip = await headOf('feature/color');
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/color-copy', sha: tip });
    const { data } = await octokit.repos.listBranchesForHeadCommit({ owner, repo, commit_sha: tip });
    expect(data.map((branch) => [branch.name, branch.commit.sha, branch.protected])).toEqual([
      ['color-copy', tip, false],
      ['feature/color', tip, false],
    ]);
    // The branch's parent is main's tip; main's own parent heads no branch.
    const main = await headOf('main');
    expect((await octokit.git.getCommit({ owner, repo, commit_sha: tip })).data.parents.map((p) => p.sha)).toEqual([
      main,
    ]);
    const onMain = (await octokit.repos.listBranchesForHeadCommit({ owner, repo, commit_sha: main })).data;
    expect(onMain.map((branch) => branch.name)).toEqual(['main']);
    const below = (await octokit.git.getCommit({ owner, repo, commit_sha: main })).data.parents[0]!.sha;
    expect((await octokit.repos.listBranchesForHeadCommit({ owner, repo, commit_sha: below })).data).toEqual([]);
    await expect(
      octokit.repos.listBranchesForHeadCommit({ owner, repo, commit_sha: '1'.repeat(40) }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('operations the clone lacks', () => {
  it('are never read as a name by another template: they answer 404 and are logged as not implemented', async () => {
    const openapi = new OpenApi();
    const implemented = new Set(
      ROUTES.map((route) => `${route.method} ${route.path.replace(/\{(\w+)[+*]\}/g, '{$1}')}`),
    );
    const router = restRouter();
    const taken: string[] = [];
    for (const template of openapi.byRoute.keys()) {
      const [method, path] = template.split(' ') as [string, string];
      if (implemented.has(template) || !['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'owner' ? 'acme' : name === 'repo' ? 'widgets' : name.endsWith('_id') ? '1' : 'main',
      );
      const match = router.match(method, concrete);
      if (match?.route.value) taken.push(`${template} → ${match.route.value.operationId}`);
    }
    expect(taken).toEqual([]);

    clone.handle.clearRequests();
    const sha = await headOf('main');
    for (const path of [
      `/repos/acme/widgets/commits/${sha}/comments`,
      '/repos/acme/widgets/branches/main/protection/restrictions',
    ])
      await expect(octokit.request(`GET ${path}`)).rejects.toMatchObject({
        status: 404,
        response: { data: { message: 'Not Found' } },
      });
    expect(clone.handle.requests({ notImplemented: true }).map((entry) => entry.path)).toEqual([
      `/repos/acme/widgets/commits/${sha}/comments`,
      '/repos/acme/widgets/branches/main/protection/restrictions',
    ]);
  });
});

describe('X-GitHub-Api-Version', () => {
  it('takes the versions GitHub supports and refuses any other with its 400, as a client pinned to a wrong one meets', async () => {
    for (const version of ['2022-11-28', '2026-03-10']) {
      const answer = await octokit.request('GET /repos/{owner}/{repo}', {
        owner,
        repo,
        headers: { 'x-github-api-version': version },
      });
      expect([answer.status, answer.headers['x-github-api-version-selected']]).toEqual([200, version]);
    }
    const unpinned = await octokit.repos.get({ owner, repo });
    expect(unpinned.headers['x-github-api-version-selected']).toBe('2022-11-28');

    clone.handle.clearRequests();
    const refused = octokit.request('POST /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      title: 'Pinned to a version GitHub never had',
      headers: { 'x-github-api-version': 'v3' },
    });
    await expect(refused).rejects.toMatchObject({
      status: 400,
      response: {
        data: {
          message: expect.stringContaining(
            'The version you specified in the "X-GitHub-Api-Version" request header, "v3", is not a supported version.',
          ),
        },
      },
    });
    // Refused before anything happened.
    expect(clone.handle.requests().map((entry) => [entry.status, entry.changes])).toEqual([[400, []]]);
  });
});
