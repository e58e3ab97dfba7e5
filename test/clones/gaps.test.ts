import { beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone, Seed } from '../../src/clones/github/index.js';
import { tempDir } from '../helpers/tmp.js';
import { namedSeed, octokitFor, raw, startClone, TOKENS, webhookReceiver } from './support/clone.js';
import { cloneUrl, git, gitOk } from './support/git.js';
import { OpenApi } from './support/openapi.js';

/** Gaps real clients (Octokit, git, PyGithub, @octokit/webhooks) found, each closed with GitHub's behaviour. */
const owner = 'acme';
const repo = 'widgets';
const openapi = new OpenApi();
let clone: GitHubClone;
let octocat: Octokit;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  receiver = await webhookReceiver();
  clone = await startClone({ seed: 'small-project', webhook: { url: receiver.url, secret: 's', retryDelayMs: 10 } });
  octocat = octokitFor(clone, clone.token);
});

async function branchWithFile(branch: string, path: string, text: string, api = octocat) {
  const { data: main } = await api.git.getRef({ owner, repo, ref: 'heads/main' });
  await api.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: main.object.sha });
  await api.repos.createOrUpdateFileContents({
    owner,
    repo,
    path,
    message: `Add ${path}`,
    content: Buffer.from(text).toString('base64'),
    branch,
  });
}

async function checkout(url: string): Promise<string> {
  const dir = tempDir('archal-gaps-');
  await gitOk(dir, 'clone', '--quiet', url, 'work');
  return join(dir, 'work');
}

describe('closing keywords', () => {
  it('closes the issues a merged pull request’s body references, with the events GitHub records', async () => {
    const { data: target } = await octocat.issues.create({ owner, repo, title: 'Referenced by URL' });
    const { data: untouched } = await octocat.issues.create({ owner, repo, title: 'Only mentioned' });
    await branchWithFile('closes-things', 'closes.txt', 'closes\n');
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Close things',
      head: 'closes-things',
      base: 'main',
      body: `Fixes #1, resolves: acme/widgets#2 and closes ${clone.apiUrl}/acme/widgets/issues/${target.number}.\nSee #${untouched.number}; fixes #9999.`,
    });
    const { data: merged } = await octocat.pulls.merge({ owner, repo, pull_number: pull.number });
    for (const number of [1, 2, target.number]) {
      const { data: issue } = await octocat.issues.get({ owner, repo, issue_number: number });
      expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed', closed_by: { login: 'octocat' } });
      const { data: events } = await octocat.issues.listEvents({ owner, repo, issue_number: number });
      expect(events.at(-1)).toMatchObject({ event: 'closed', commit_id: merged.sha, actor: { login: 'octocat' } });
    }
    const { data: mentioned } = await octocat.issues.get({ owner, repo, issue_number: untouched.number });
    expect(mentioned.state).toBe('open');
    await clone.handle.idle();
    const closed = receiver.received
      .filter((hook) => hook.headers['x-github-event'] === 'issues' && hook.payload.action === 'closed')
      .map((hook) => (hook.payload.issue as { number: number }).number);
    expect(closed).toEqual(expect.arrayContaining([1, 2, target.number]));
  });

  it('leaves them open when the pull request merges into another branch', async () => {
    const { data: issue } = await octocat.issues.create({ owner, repo, title: 'Stays open' });
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/release', sha: main.object.sha });
    await branchWithFile('into-release', 'release.txt', 'r\n');
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Into release',
      head: 'into-release',
      base: 'release',
      body: `Closes #${issue.number}`,
    });
    await octocat.pulls.merge({ owner, repo, pull_number: pull.number });
    expect((await octocat.issues.get({ owner, repo, issue_number: issue.number })).data.state).toBe('open');
  });

  it('closes them too when the merge is pushed with git', async () => {
    const { data: issue } = await octocat.issues.create({ owner, repo, title: 'Closed by a pushed merge' });
    await branchWithFile('pushed-merge', 'pushed.txt', 'p\n');
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Pushed merge',
      head: 'pushed-merge',
      base: 'main',
      body: `closes #${issue.number}`,
    });
    const work = await checkout(cloneUrl(clone.gitUrl, `${owner}/${repo}`, clone.token));
    await gitOk(work, 'fetch', '--quiet', 'origin', 'pushed-merge');
    await gitOk(work, 'merge', '--quiet', '--no-edit', 'FETCH_HEAD');
    await gitOk(work, 'push', '--quiet', 'origin', 'main');
    expect((await octocat.pulls.get({ owner, repo, pull_number: pull.number })).data.merged).toBe(true);
    expect((await octocat.issues.get({ owner, repo, issue_number: issue.number })).data.state).toBe('closed');
  });
});

describe('pull request refs over git', () => {
  it('advertises refs/pull/N/head and, when mergeable, refs/pull/N/merge, and fetches them', async () => {
    const scratch = await startClone({ seed: 'merge-conflict' });
    const url = cloneUrl(scratch.gitUrl, 'acme/conflicts', scratch.token);
    const api = octokitFor(scratch, scratch.token);
    const { data: clean } = await api.pulls.get({ owner, repo: 'conflicts', pull_number: 2 });
    const { data: conflicting } = await api.pulls.get({ owner, repo: 'conflicts', pull_number: 1 });
    const listed = await gitOk(tempDir('archal-gaps-'), 'ls-remote', url, 'refs/pull/*');
    const refs = new Map(listed.split('\n').map((line) => line.split('\t').reverse() as [string, string]));
    expect(refs.get('refs/pull/1/head')).toBe(conflicting.head.sha);
    expect(refs.get('refs/pull/2/head')).toBe(clean.head.sha);
    expect(refs.has('refs/pull/1/merge')).toBe(false);
    expect(refs.has('refs/pull/2/merge')).toBe(true);

    const work = await checkout(url);
    await gitOk(work, 'fetch', '--quiet', 'origin', 'pull/2/head:pr-2', 'pull/2/merge:pr-2-merge');
    expect(await gitOk(work, 'rev-parse', 'pr-2')).toBe(clean.head.sha);
    const parents = (await gitOk(work, 'rev-list', '--parents', '-n', '1', 'pr-2-merge')).split(' ').slice(1);
    expect(parents).toEqual([clean.base.sha, clean.head.sha]);

    writeFileSync(join(work, 'sneaky.txt'), 'no\n');
    await gitOk(work, 'add', 'sneaky.txt');
    await gitOk(work, 'commit', '--quiet', '-m', 'sneaky');
    const pushed = await git(work, 'push', 'origin', 'HEAD:refs/pull/2/head');
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toMatch(/hidden ref/);
    expect((await api.pulls.get({ owner, repo: 'conflicts', pull_number: 2 })).data.head.sha).toBe(clean.head.sha);
  });
});

describe('pagination', () => {
  it('names the true last page of GET /commits in Link', async () => {
    const seed = namedSeed('small-project');
    seed.repos![0]!.commits = Array.from({ length: 6 }, (_, i) => ({
      message: `Commit ${i}`,
      files: { [`f${i}.txt`]: `${i}\n` },
    }));
    const scratch = await startClone({ seed: seed as Seed });
    const total = (
      await octokitFor(scratch, scratch.token).paginate('GET /repos/{owner}/{repo}/commits', {
        owner,
        repo,
        per_page: 100,
      })
    ).length;
    const first = await raw(scratch, 'GET', '/repos/acme/widgets/commits?per_page=2', { token: scratch.token });
    const last = Math.ceil(total / 2);
    expect(total).toBeGreaterThan(6);
    expect(first.headers.get('link')).toContain(`page=${last}>; rel="last"`);
    const end = await raw(scratch, 'GET', `/repos/acme/widgets/commits?per_page=2&page=${last}`, {
      token: scratch.token,
    });
    expect(end.headers.get('link')).not.toContain('rel="next"');
    expect((end.json as unknown as unknown[]).length).toBe(total - (last - 1) * 2);
  });
});

describe('conditional requests', () => {
  it('answers 304 to a matching ETag or an unchanged Last-Modified, without counting it', async () => {
    const limited = await startClone({ seed: 'small-project', rateLimit: 3 });
    const get = (headers: Record<string, string> = {}) =>
      raw(limited, 'GET', '/repos/acme/widgets/issues/1', { token: limited.token, headers });
    const fresh = await get();
    const etag = fresh.headers.get('etag')!;
    const lastModified = fresh.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(new Date(lastModified).toISOString().replace('.000', '')).toBe(fresh.json.updated_at);
    expect(fresh.headers.get('x-ratelimit-remaining')).toBe('2');
    for (let i = 0; i < 5; i++) {
      const cached = await get({ 'if-none-match': etag });
      expect(cached.status).toBe(304);
      expect(cached.text).toBe('');
      expect(cached.headers.get('etag')).toBe(etag);
      expect(cached.headers.get('x-ratelimit-remaining')).toBe('2');
    }
    expect((await get({ 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get({ 'if-none-match': 'W/"0000"' })).status).toBe(200);
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(403);
  });

  it('sends the new representation once the resource changed', async () => {
    const first = await raw(clone, 'GET', '/repos/acme/widgets/labels/bug', { token: clone.token });
    await octocat.issues.updateLabel({ owner, repo, name: 'bug', description: 'Something is broken' });
    const again = await raw(clone, 'GET', '/repos/acme/widgets/labels/bug', {
      token: clone.token,
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(200);
    expect(again.json.description).toBe('Something is broken');
  });
});

describe('422 answers in GitHub’s shapes', () => {
  it('puts rule messages at the top level where GitHub does', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/twice', sha: main.object.sha });
    const again = await raw(clone, 'POST', '/repos/acme/widgets/git/refs', {
      token: clone.token,
      body: JSON.stringify({ ref: 'refs/heads/twice', sha: main.object.sha }),
    });
    expect(again.status).toBe(422);
    expect(again.json).toEqual({
      message: 'Reference already exists',
      documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference',
      status: '422',
    });
    const sha = 'f'.repeat(40);
    const check = await raw(clone, 'POST', '/repos/acme/widgets/check-runs', {
      token: TOKENS.bot,
      body: JSON.stringify({ name: 'lint', head_sha: sha }),
    });
    expect(check.json).toMatchObject({ message: `No commit found for SHA: ${sha}` });
    expect(check.json.errors).toBeUndefined();
    const status = await raw(clone, 'POST', `/repos/acme/widgets/statuses/${sha}`, {
      token: clone.token,
      body: JSON.stringify({ state: 'success' }),
    });
    expect(status.json).toMatchObject({ message: `No commit found for SHA: ${sha}` });
    expect(status.json.errors).toBeUndefined();
  });

  it('sends plain strings in errors[] where the description says validation-error-simple (reviews)', async () => {
    // Pull request #5 is bob's.
    const self = await raw(clone, 'POST', '/repos/acme/widgets/pulls/5/reviews', {
      token: TOKENS.bob,
      body: JSON.stringify({ event: 'APPROVE' }),
    });
    expect(self.status).toBe(422);
    expect(self.json).toMatchObject({
      message: 'Unprocessable Entity',
      errors: ['Can not approve your own pull request'],
    });
    expect(openapi.validate('pulls/create-review', 422, self.json)).toEqual([]);
    const badLine = await raw(clone, 'POST', '/repos/acme/widgets/pulls/5/reviews', {
      token: TOKENS.alice,
      body: JSON.stringify({ event: 'COMMENT', body: 'x', comments: [{ path: 'nope.txt', line: 1, body: 'x' }] }),
    });
    expect(badLine.json).toMatchObject({ errors: ['Path could not be resolved'] });
    expect(openapi.validate('pulls/create-review', 422, badLine.json)).toEqual([]);
  });
});

describe('search', () => {
  it('answers 422 past the first 1,000 results, as GitHub does', async () => {
    const big = await startClone({ seed: 'large-backlog' });
    const search = (page: number) =>
      raw(big, 'GET', `/search/issues?q=repo:acme/platform+is:issue&per_page=100&page=${page}`, { token: big.token });
    const tenth = await search(10);
    expect(tenth.status).toBe(200);
    expect((tenth.json.items as unknown[]).length).toBe(100);
    expect(tenth.json.total_count as number).toBeGreaterThan(1000);
    const eleventh = await search(11);
    expect(eleventh.status).toBe(422);
    expect(eleventh.json.message).toBe('Only the first 1000 search results are available');
  });

  it('searches repositories, users and code', async () => {
    const { data: repos } = await octocat.search.repos({ q: 'widg org:acme' });
    expect(repos.items.map((item) => item.full_name)).toEqual(['acme/widgets']);
    const { data: users } = await octocat.search.users({ q: 'ali' });
    expect(users.items.map((item) => item.login)).toContain('alice');
    const { data: orgs } = await octocat.search.users({ q: 'acme type:org' });
    expect(orgs.items.map((item) => item.login)).toEqual(['acme']);
    const { data: code } = await octocat.search.code({ q: 'export function widget repo:acme/widgets' });
    expect(code.items.map((item) => item.path)).toContain('src/widget.js');
    expect(code.items[0]).toMatchObject({ repository: { full_name: 'acme/widgets' }, sha: expect.any(String) });
    const { data: byExtension } = await octocat.search.code({ q: 'widget extension:md' });
    expect(byExtension.items.every((item) => item.path.endsWith('.md'))).toBe(true);
    expect((await octocat.search.code({ q: 'nothing-matches-this-anywhere' })).data.total_count).toBe(0);
  });
});

describe('releases, tags, forks and update-branch', () => {
  it('creates a release that tags the default branch, and lists tags', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    const { data: release } = await octocat.repos.createRelease({ owner, repo, tag_name: 'v9.0.0', name: 'Nine' });
    expect(release).toMatchObject({ tag_name: 'v9.0.0', draft: false, author: { login: 'octocat' } });
    const { data: tags } = await octocat.repos.listTags({ owner, repo });
    expect(tags.find((tag) => tag.name === 'v9.0.0')?.commit.sha).toBe(main.object.sha);
    expect((await octocat.repos.getLatestRelease({ owner, repo })).data.id).toBe(release.id);
    const { data: draft } = await octocat.repos.createRelease({ owner, repo, tag_name: 'v10.0.0', draft: true });
    expect((await octocat.repos.listTags({ owner, repo })).data.map((t) => t.name)).not.toContain('v10.0.0');
    await octocat.repos.updateRelease({ owner, repo, release_id: draft.id, draft: false });
    expect((await octocat.repos.listTags({ owner, repo })).data.map((t) => t.name)).toContain('v10.0.0');
    const bob = octokitFor(clone, TOKENS.bob);
    await expect(bob.repos.createRelease({ owner, repo, tag_name: 'v11' })).rejects.toMatchObject({ status: 403 });
  });

  it('forks a repository with its branches, as a fork of its parent', async () => {
    const alice = octokitFor(clone, TOKENS.alice);
    const { data: fork } = await alice.repos.createFork({ owner, repo });
    expect(fork).toMatchObject({ full_name: 'alice/widgets', fork: true, parent: { full_name: 'acme/widgets' } });
    const { data: branches } = await alice.repos.listBranches({ owner: 'alice', repo: 'widgets' });
    expect(branches.map((branch) => branch.name)).toEqual(expect.arrayContaining(['main', 'feature/color']));
    const { data: forks } = await octocat.repos.listForks({ owner, repo });
    expect(forks.map((item) => item.full_name)).toEqual(['alice/widgets']);
    expect((await alice.repos.createFork({ owner, repo })).data.id).toBe(fork.id);
    const work = await checkout(cloneUrl(clone.gitUrl, 'alice/widgets', TOKENS.alice));
    await gitOk(work, 'log', '--oneline', '-1');
  });

  it('updates a pull request branch with its base (a merge commit on the head, synchronize)', async () => {
    await branchWithFile('to-update', 'update-me.txt', 'u\n');
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Update me',
      head: 'to-update',
      base: 'main',
    });
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'base-moved.txt',
      message: 'Base moved',
      content: Buffer.from('b\n').toString('base64'),
      branch: 'main',
    });
    await expect(
      octocat.pulls.updateBranch({ owner, repo, pull_number: pull.number, expected_head_sha: 'a'.repeat(40) }),
    ).rejects.toMatchObject({ status: 422 });
    const { status, data } = await octocat.pulls.updateBranch({ owner, repo, pull_number: pull.number });
    expect(status).toBe(202);
    expect(data.message).toBe('Updating pull request branch.');
    const { data: after } = await octocat.pulls.get({ owner, repo, pull_number: pull.number });
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    const { data: commit } = await octocat.git.getCommit({ owner, repo, commit_sha: after.head.sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([pull.head.sha, main.object.sha]);
    await clone.handle.idle();
    expect(
      receiver.received.some(
        (hook) =>
          hook.payload.action === 'synchronize' &&
          (hook.payload.pull_request as { number: number }).number === pull.number,
      ),
    ).toBe(true);
  });
});

describe('strict tokens', () => {
  it('refuses unknown tokens with 401 Bad credentials when asked, and is lenient by default', async () => {
    const lenient = await raw(clone, 'GET', '/user', { token: 'ghp_madeUpTokenThatTheCloneNeverIssued00' });
    expect(lenient.json.login).toBe('octocat');
    const strict = await startClone({ seed: 'small-project', strictTokens: true });
    const refused = await raw(strict, 'GET', '/user', { token: 'ghp_madeUpTokenThatTheCloneNeverIssued00' });
    expect(refused.status).toBe(401);
    expect(refused.json.message).toBe('Bad credentials');
    expect((await raw(strict, 'GET', '/user', { token: strict.token })).json.login).toBe('octocat');
    expect((await raw(strict, 'GET', '/user', { token: TOKENS.alice })).json.login).toBe('alice');
    // git sends credentials only when asked, so the refusal shows on a push.
    const work = await checkout(cloneUrl(strict.gitUrl, 'acme/widgets', 'ghp_madeUpTokenThatTheCloneNeverIssued00'));
    writeFileSync(join(work, 'strict.txt'), 'strict\n');
    await gitOk(work, 'add', 'strict.txt');
    await gitOk(work, 'commit', '--quiet', '-m', 'strict');
    const pushed = await git(work, 'push', 'origin', 'HEAD:main');
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toMatch(/Authentication failed|Bad credentials/);
    const seed = namedSeed('small-project');
    seed.strictTokens = true;
    const bySeed = await startClone({ seed: seed as Seed });
    expect((await raw(bySeed, 'GET', '/user', { token: 'ghp_anotherMadeUpToken000000000000000' })).status).toBe(401);
  });
});
