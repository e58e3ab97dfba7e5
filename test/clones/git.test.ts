import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { tempDir } from '../helpers/tmp.js';
import { octokitFor, raw, startClone, TOKENS, webhookReceiver } from './support/clone.js';
import { cloneUrl, git, gitOk } from './support/git.js';

const owner = 'acme';
const repo = 'widgets';
let clone: GitHubClone;
let octocat: Octokit;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  receiver = await webhookReceiver();
  clone = await startClone({ seed: 'small-project', webhook: { url: receiver.url, secret: 's' } });
  octocat = octokitFor(clone, clone.token);
});

async function checkout(token = clone.token): Promise<string> {
  const dir = tempDir('archal-git-');
  await gitOk(dir, 'clone', '--quiet', cloneUrl(clone.gitUrl, `${owner}/${repo}`, token), 'work');
  return join(dir, 'work');
}

async function commitFile(dir: string, file: string, content: string, message: string): Promise<string> {
  writeFileSync(join(dir, file), content);
  await gitOk(dir, 'add', file);
  await gitOk(dir, 'commit', '--quiet', '-m', message);
  return gitOk(dir, 'rev-parse', 'HEAD');
}

describe('git over smart HTTP', () => {
  it('clones what the seed wrote, anonymously for a public repository', async () => {
    const dir = tempDir('archal-git-');
    await gitOk(dir, 'clone', '--quiet', cloneUrl(clone.gitUrl, `${owner}/${repo}`), 'anon');
    const work = join(dir, 'anon');
    expect(readFileSync(join(work, 'src/widget.js'), 'utf8')).toContain('export function widget');
    const branches = await gitOk(work, 'branch', '-r');
    expect(branches).toContain('origin/feature/color');
    const { data: main } = await octocat.repos.getBranch({ owner, repo, branch: 'main' });
    expect(await gitOk(work, 'rev-parse', 'HEAD')).toBe(main.commit.sha);
    expect(await gitOk(work, 'log', '--format=%an|%s', '-1')).toBe('Alice Smith|Document the size option');
    // The objects written directly by the seed are valid git objects.
    expect((await git(work, 'fsck', '--strict')).code).toBe(0);
  });

  it('needs a token with write access to push, and hides private repositories', async () => {
    const work = await checkout();
    await gitOk(work, 'checkout', '--quiet', '-b', 'anon-push');
    await commitFile(work, 'anon.txt', 'x\n', 'anonymous push');
    const anonymous = await git(work, 'push', cloneUrl(clone.gitUrl, `${owner}/${repo}`), 'anon-push');
    expect(anonymous.code).not.toBe(0);
    const readOnly = await git(work, 'push', cloneUrl(clone.gitUrl, `${owner}/${repo}`, TOKENS.bob), 'anon-push');
    expect(readOnly.code).not.toBe(0);
    expect(readOnly.stderr).toMatch(/403|denied/);
    const { data: branches } = await octocat.repos.listBranches({ owner, repo });
    expect(branches.map((b) => b.name)).not.toContain('anon-push');

    await octocat.repos.update({ owner, repo: 'widgets', private: true });
    try {
      const dir = tempDir('archal-git-');
      const hidden = await git(dir, 'clone', '--quiet', cloneUrl(clone.gitUrl, `${owner}/${repo}`), 'x');
      expect(hidden.code).not.toBe(0);
      const allowed = await git(dir, 'clone', '--quiet', cloneUrl(clone.gitUrl, `${owner}/${repo}`, TOKENS.alice), 'y');
      expect(allowed.code).toBe(0);
    } finally {
      await octocat.repos.update({ owner, repo: 'widgets', private: false });
    }
  });

  it('moves branches the API sees, and pull requests follow their head branch', async () => {
    const work = await checkout();
    await gitOk(work, 'checkout', '--quiet', '-b', 'feature/pushed');
    const first = await commitFile(work, 'pushed.txt', 'one\n', 'First pushed commit');
    await gitOk(work, 'push', '--quiet', 'origin', 'feature/pushed');
    const { data: branch } = await octocat.repos.getBranch({ owner, repo, branch: 'feature/pushed' });
    expect(branch.commit.sha).toBe(first);

    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Pushed',
      head: 'feature/pushed',
      base: 'main',
    });
    expect(pull.head.sha).toBe(first);
    const second = await commitFile(work, 'pushed.txt', 'two\n', 'Second pushed commit');
    await gitOk(work, 'push', '--quiet', 'origin', 'feature/pushed');
    const { data: updated } = await octocat.pulls.get({ owner, repo, pull_number: pull.number });
    expect(updated.head.sha).toBe(second);
    expect(updated.commits).toBe(2);
    const { data: files } = await octocat.pulls.listFiles({ owner, repo, pull_number: pull.number });
    expect(files).toEqual([
      expect.objectContaining({
        filename: 'pushed.txt',
        status: 'added',
        additions: 1,
        deletions: 0,
        patch: '@@ -0,0 +1 @@\n+two',
      }),
    ]);

    await clone.handle.idle();
    const sync = receiver.received.find(
      (hook) => hook.headers['x-github-event'] === 'pull_request' && hook.payload.action === 'synchronize',
    );
    expect(sync?.payload).toMatchObject({ before: first, after: second });
    const push = clone.handle
      .requests()
      .filter((entry) => entry.operationId === 'git/receive-pack')
      .at(-1)!;
    expect(push.actor).toBe('octocat');
    expect(push.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          op: 'updated',
          kind: 'ref',
          id: 'acme/widgets:refs/heads/feature/pushed',
          fields: { sha: { from: first, to: second } },
        }),
        expect.objectContaining({ op: 'updated', kind: 'pull', key: `acme/widgets#${pull.number}` }),
      ]),
    );

    // Deleting the head branch by push closes the pull request, as on GitHub.
    await gitOk(work, 'push', '--quiet', 'origin', '--delete', 'feature/pushed');
    const { data: closed } = await octocat.pulls.get({ owner, repo, pull_number: pull.number });
    expect(closed.state).toBe('closed');
    expect(closed.merged).toBe(false);
  });

  it('merges pull requests with real git (merge, squash, rebase) and fetches the result', async () => {
    const work = await checkout();
    const results: Record<string, string> = {};
    for (const method of ['merge', 'squash', 'rebase'] as const) {
      await gitOk(work, 'fetch', '--quiet', 'origin');
      await gitOk(work, 'checkout', '--quiet', '-B', `merge-${method}`, 'origin/main');
      await commitFile(work, `${method}-1.txt`, `${method}\n`, `${method} one`);
      await commitFile(work, `${method}-2.txt`, `${method}\n`, `${method} two`);
      await gitOk(work, 'push', '--quiet', 'origin', `merge-${method}`);
      const { data: pull } = await octocat.pulls.create({
        owner,
        repo,
        title: `Merge by ${method}`,
        head: `merge-${method}`,
        base: 'main',
      });
      expect(pull.mergeable).toBe(true);
      const { data: merged } = await octocat.pulls.merge({
        owner,
        repo,
        pull_number: pull.number,
        merge_method: method,
      });
      expect(merged.merged).toBe(true);
      results[method] = merged.sha;
      const { data: after } = await octocat.pulls.get({ owner, repo, pull_number: pull.number });
      expect(after).toMatchObject({
        state: 'closed',
        merged: true,
        merge_commit_sha: merged.sha,
        merged_by: { login: 'octocat' },
      });
    }
    await gitOk(work, 'fetch', '--quiet', 'origin');
    const parents = async (sha: string) =>
      (await gitOk(work, 'rev-list', '--parents', '-n', '1', sha)).split(' ').length - 1;
    expect(await parents(results.merge!)).toBe(2);
    expect(await parents(results.squash!)).toBe(1);
    expect(await gitOk(work, 'log', '--format=%s', '-1', results.squash!)).toMatch(/^Merge by squash \(#\d+\)$/);
    // Rebase replays both commits on top of the squash merge.
    expect(await gitOk(work, 'log', '--format=%s', '-3', results.rebase!)).toBe(
      'rebase two\nrebase one\nMerge by squash (#' +
        (await gitOk(work, 'log', '--format=%s', '-1', results.squash!)).match(/#(\d+)/)![1] +
        ')',
    );
    expect(await gitOk(work, 'rev-parse', 'origin/main')).toBe(results.rebase);
    expect((await git(work, 'ls-tree', '--name-only', 'origin/main')).stdout.split('\n')).toEqual(
      expect.arrayContaining(['merge-1.txt', 'merge-2.txt', 'squash-1.txt', 'rebase-2.txt']),
    );
  });

  it('marks a pull request merged when its head is pushed into the base', async () => {
    const work = await checkout();
    await gitOk(work, 'checkout', '--quiet', '-b', 'local-merge');
    const head = await commitFile(work, 'local.txt', 'local\n', 'Local work');
    await gitOk(work, 'push', '--quiet', 'origin', 'local-merge');
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Local merge',
      head: 'local-merge',
      base: 'main',
    });
    await gitOk(work, 'checkout', '--quiet', 'main');
    await gitOk(work, 'pull', '--quiet', '--ff-only', 'origin', 'main');
    await gitOk(work, 'merge', '--quiet', '--no-ff', '-m', 'Merge locally', 'local-merge');
    await gitOk(work, 'push', '--quiet', 'origin', 'main');
    const { data: after } = await octocat.pulls.get({ owner, repo, pull_number: pull.number });
    expect(after).toMatchObject({ merged: true, state: 'closed', head: { sha: head } });
  });

  it('refuses to merge a conflicting pull request (405) and reports it unmergeable', async () => {
    const conflicted = await startClone({ seed: 'merge-conflict' });
    const api = octokitFor(conflicted, conflicted.token);
    const { data: pull } = await api.pulls.get({ owner, repo: 'conflicts', pull_number: 1 });
    expect(pull).toMatchObject({ mergeable: false, mergeable_state: 'dirty' });
    await expect(api.pulls.merge({ owner, repo: 'conflicts', pull_number: 1 })).rejects.toMatchObject({
      status: 405,
      response: { data: { message: 'Pull Request is not mergeable' } },
    });
    const { data: clean } = await api.pulls.get({ owner, repo: 'conflicts', pull_number: 2 });
    expect(clean.mergeable).toBe(true);
    await expect(
      api.pulls.merge({ owner, repo: 'conflicts', pull_number: 2, sha: '0'.repeat(40) }),
    ).rejects.toMatchObject({ status: 409 });
    expect(conflicted.handle.state().pullRequests.map((p) => p.merged)).toEqual([false, false]);
  });

  it('keeps refs and history consistent under concurrent writes', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/concurrent', sha: main.object.sha });
    const writes = Array.from({ length: 12 }, (_, i) =>
      octocat.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: `concurrent/file-${i}.txt`,
        message: `write ${i}`,
        content: Buffer.from(`${i}\n`).toString('base64'),
        branch: 'concurrent',
      }),
    );
    const results = await Promise.allSettled(writes);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const work = await checkout();
    await gitOk(work, 'checkout', '--quiet', 'concurrent');
    const log = (await gitOk(work, 'log', '--format=%s', `${main.object.sha}..HEAD`)).split('\n');
    expect(log).toHaveLength(12);
    expect((await gitOk(work, 'ls-tree', '--name-only', 'HEAD', 'concurrent/')).split('\n')).toHaveLength(12);
    expect((await git(work, 'fsck', '--strict')).code).toBe(0);

    // A stale sha is refused with 409 and changes nothing.
    const { data: file } = await octocat.repos.getContent({
      owner,
      repo,
      path: 'concurrent/file-0.txt',
      ref: 'concurrent',
    });
    const sha = (file as { sha: string }).sha;
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'concurrent/file-0.txt',
      message: 'a',
      content: 'YQo=',
      sha,
      branch: 'concurrent',
    });
    const before = (await octocat.repos.getBranch({ owner, repo, branch: 'concurrent' })).data.commit.sha;
    await expect(
      octocat.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'concurrent/file-0.txt',
        message: 'b',
        content: 'Ygo=',
        sha,
        branch: 'concurrent',
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await octocat.repos.getBranch({ owner, repo, branch: 'concurrent' })).data.commit.sha).toBe(before);
  });

  it('allows no path traversal through the contents API or git paths', async () => {
    for (const path of [
      '..%2F..%2Fetc%2Fpasswd',
      '..',
      'src/..%2F..%2F..%2Fetc%2Fhosts',
      '.git/config',
      '%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const response = await raw(clone, 'GET', `/repos/acme/widgets/contents/${path}`, { token: clone.token });
      expect([404, 422]).toContain(response.status);
      expect(response.text).not.toMatch(/root:|localhost|repositoryformatversion/);
    }
    const put = await raw(clone, 'PUT', '/repos/acme/widgets/contents/..%2Fescape.txt', {
      token: clone.token,
      body: JSON.stringify({ message: 'x', content: 'eA==' }),
    });
    expect(put.status).toBe(422);
    for (const path of [
      '/acme/..%2F..%2Fwidgets.git/info/refs?service=git-upload-pack',
      '/../../etc/passwd',
      '/acme/widgets.git/HEAD',
      '/acme/widgets.git/config',
    ]) {
      const response = await raw(clone, 'GET', path);
      expect(response.status).toBe(404);
      expect(response.text).not.toMatch(/root:|repositoryformatversion|ref: refs/);
    }
  });
});
