import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { tempDir } from '../helpers/tmp.js';
import { octokitFor, raw, startClone, TOKENS } from './support/clone.js';
import { cloneUrl, git } from './support/git.js';

/**
 * Repository operations agents reach for beside issues and pull requests (deleting a repository,
 * its languages, contributors and activity feed, a milestone's labels, comparing with a fork),
 * driven with @octokit/rest as an agent would.
 */
let clone: GitHubClone;
let octocat: Octokit;
let alice: Octokit;
let bob: Octokit;

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  octocat = octokitFor(clone, clone.token);
  alice = octokitFor(clone, TOKENS.alice);
  bob = octokitFor(clone, TOKENS.bob);
});

async function addFile(api: Octokit, owner: string, repo: string, path: string, text: string, branch?: string) {
  await api.repos.createOrUpdateFileContents({
    owner,
    repo,
    path,
    branch,
    message: `Add ${path}`,
    content: Buffer.from(text).toString('base64'),
  });
}

describe('DELETE /repos/{owner}/{repo}', () => {
  it('needs admin rights, answers 204, and the repository and its git data are gone', async () => {
    const own = await startClone({ seed: 'small-project' });
    const admin = octokitFor(own, own.token);
    const reader = octokitFor(own, TOKENS.bob);
    const { data: fork } = await octokitFor(own, TOKENS.alice).repos.createFork({ owner: 'acme', repo: 'widgets' });

    await expect(reader.repos.delete({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Must have admin rights to Repository.' } },
    });
    await expect(reader.repos.delete({ owner: 'acme', repo: 'no-such-repo' })).rejects.toMatchObject({ status: 404 });

    const deleted = await admin.repos.delete({ owner: 'acme', repo: 'widgets' });
    expect(deleted.status).toBe(204);
    await expect(admin.repos.get({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({ status: 404 });
    await expect(admin.issues.get({ owner: 'acme', repo: 'widgets', issue_number: 1 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(admin.repos.delete({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({ status: 404 });
    const listed = await admin.repos.listForOrg({ org: 'acme' });
    expect(listed.data.map((repo) => repo.name)).not.toContain('widgets');

    const cloned = await git(tempDir('archal-reach-'), 'clone', '--quiet', cloneUrl(own.gitUrl, 'acme/widgets'), 'w');
    expect(cloned.code).not.toBe(0);

    // The fork stays, a repository of its own now.
    const { data: kept } = await admin.repos.get({ owner: 'alice', repo: fork.name });
    expect(kept.parent).toBeUndefined();
    const state = own.handle.state();
    expect(state.repos.map((repo) => repo.full_name)).not.toContain('acme/widgets');
    expect(state.issues.filter((issue) => issue.repo === 'acme/widgets')).toEqual([]);
  });
});

describe('GET /repos/{owner}/{repo}/languages', () => {
  it('sums the bytes of the default branch’s files by language, largest first, skipping data, prose and vendored files', async () => {
    await octocat.repos.createForAuthenticatedUser({ name: 'polyglot', auto_init: true });
    const ts = 'export const answer: number = 42;\n'.repeat(3);
    const js = 'module.exports = 1;\n';
    await addFile(octocat, 'octocat', 'polyglot', 'src/index.ts', ts);
    await addFile(octocat, 'octocat', 'polyglot', 'lib/legacy.js', js);
    await addFile(octocat, 'octocat', 'polyglot', 'node_modules/dep/index.js', 'x'.repeat(5000));
    await addFile(octocat, 'octocat', 'polyglot', 'package.json', '{"name":"polyglot"}\n');
    await addFile(octocat, 'octocat', 'polyglot', 'Dockerfile', 'FROM node:24\n');
    const { data: main } = await octocat.git.getRef({ owner: 'octocat', repo: 'polyglot', ref: 'heads/main' });
    await octocat.git.createRef({ owner: 'octocat', repo: 'polyglot', ref: 'refs/heads/other', sha: main.object.sha });
    await addFile(octocat, 'octocat', 'polyglot', 'main.py', 'print(1)\n'.repeat(100), 'other');

    const { data } = await octocat.repos.listLanguages({ owner: 'octocat', repo: 'polyglot' });
    expect(data).toEqual({ TypeScript: Buffer.byteLength(ts), JavaScript: Buffer.byteLength(js), Dockerfile: 13 });
    expect(Object.keys(data)).toEqual(['TypeScript', 'JavaScript', 'Dockerfile']);

    await octocat.repos.createForAuthenticatedUser({ name: 'empty-langs' });
    expect((await octocat.repos.listLanguages({ owner: 'octocat', repo: 'empty-langs' })).data).toEqual({});
  });
});

describe('GET /repos/{owner}/{repo}/contributors', () => {
  it('counts the default branch’s commits per author account, most first, anonymous ones only with anon=1', async () => {
    await octocat.repos.createForAuthenticatedUser({ name: 'team-work', auto_init: true });
    const as = (name: string, email: string) => ({ author: { name, email }, committer: { name, email } });
    for (const [index, who] of [
      as('Alice Smith', 'alice@example.com'),
      as('Alice Smith', 'alice@example.com'),
      as('Alice Smith', 'alice@example.com'),
      as('Someone', 'someone@elsewhere.test'),
    ].entries())
      await octocat.repos.createOrUpdateFileContents({
        owner: 'octocat',
        repo: 'team-work',
        path: `file-${index}.txt`,
        message: `File ${index}`,
        content: Buffer.from(`${index}\n`).toString('base64'),
        ...who,
      });

    const { data } = await octocat.repos.listContributors({ owner: 'octocat', repo: 'team-work' });
    expect(data.map((entry) => [entry.login, entry.contributions, entry.type])).toEqual([
      ['alice', 3, 'User'],
      ['octocat', 1, 'User'],
    ]);
    const { data: withAnonymous } = await octocat.repos.listContributors({
      owner: 'octocat',
      repo: 'team-work',
      anon: '1',
    });
    expect(withAnonymous.at(-1)).toEqual({
      type: 'Anonymous',
      name: 'Someone',
      email: 'someone@elsewhere.test',
      contributions: 1,
    });

    const page = await octocat.repos.listContributors({ owner: 'octocat', repo: 'team-work', per_page: 1, page: 2 });
    expect(page.data.map((entry) => entry.login)).toEqual(['octocat']);
    expect(page.headers.link).toContain('rel="prev"');

    await octocat.repos.createForAuthenticatedUser({ name: 'nobody-yet' });
    const empty = await octocat.repos.listContributors({ owner: 'octocat', repo: 'nobody-yet' });
    expect(empty.status).toBe(204);
  });
});

describe('GET /repos/{owner}/{repo}/events', () => {
  it('is the activity feed, newest first: issues opened, labeled and closed, comments', async () => {
    const owner = 'acme';
    const repo = 'widgets';
    const { data: issue } = await alice.issues.create({ owner, repo, title: 'Feed me' });
    await octocat.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ['bug'] });
    await bob.issues.createComment({ owner, repo, issue_number: issue.number, body: 'Seen it' });
    await octocat.issues.update({ owner, repo, issue_number: issue.number, state: 'closed' });

    const { data: events } = await octocat.activity.listRepoEvents({ owner, repo, per_page: 100 });
    const mine = events.filter(
      (event) => (event.payload as { issue?: { number: number } }).issue?.number === issue.number,
    );
    expect(mine.map((event) => [event.type, event.payload.action, event.actor.login])).toEqual([
      ['IssuesEvent', 'closed', 'octocat'],
      ['IssueCommentEvent', 'created', 'bob'],
      ['IssuesEvent', 'labeled', 'octocat'],
      ['IssuesEvent', 'opened', 'alice'],
    ]);
    expect(mine[0]).toMatchObject({ repo: { name: 'acme/widgets' }, public: true, org: { login: 'acme' } });
    expect(typeof mine[0]!.id).toBe('string');
    expect((mine[2]!.payload as { label?: { name: string } }).label?.name).toBe('bug');
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    // Pull requests opened in the seed are in the feed too.
    expect(events.some((event) => event.type === 'PullRequestEvent' && event.payload.action === 'opened')).toBe(true);
  });
});

describe('GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels', () => {
  it('lists the labels of the milestone’s issues, each once', async () => {
    const owner = 'acme';
    const repo = 'widgets';
    const { data: milestone } = await octocat.issues.createMilestone({ owner, repo, title: 'Labels of v9' });
    await octocat.issues.create({ owner, repo, title: 'A', milestone: milestone.number, labels: ['bug'] });
    await octocat.issues.create({
      owner,
      repo,
      title: 'B',
      milestone: milestone.number,
      labels: ['bug', 'enhancement'],
    });
    await octocat.issues.create({ owner, repo, title: 'C', labels: ['documentation'] });
    const { data } = await octocat.issues.listLabelsForMilestone({ owner, repo, milestone_number: milestone.number });
    expect(data.map((label) => label.name).sort()).toEqual(['bug', 'enhancement']);
    await expect(octocat.issues.listLabelsForMilestone({ owner, repo, milestone_number: 999 })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('compare across forks', () => {
  it('compares a branch of the base with a branch of a fork named owner:branch', async () => {
    const { data: fork } = await alice.repos.createFork({ owner: 'acme', repo: 'widgets' });
    const { data: main } = await alice.git.getRef({ owner: 'alice', repo: fork.name, ref: 'heads/main' });
    await alice.git.createRef({ owner: 'alice', repo: fork.name, ref: 'refs/heads/from-fork', sha: main.object.sha });
    await addFile(alice, 'alice', fork.name, 'fork-only.txt', 'from the fork\n', 'from-fork');

    const { data } = await octocat.repos.compareCommitsWithBasehead({
      owner: 'acme',
      repo: 'widgets',
      basehead: 'main...alice:from-fork',
    });
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(data.files?.map((file) => file.filename)).toEqual(['fork-only.txt']);
    expect(data.commits[0]!.commit.message).toBe('Add fork-only.txt');

    const { data: named } = await octocat.repos.compareCommitsWithBasehead({
      owner: 'acme',
      repo: 'widgets',
      basehead: `main...alice:${fork.name}:from-fork`,
    });
    expect(named.ahead_by).toBe(1);
    // The base repository's refs are untouched: the fork's commit is only readable, not a branch.
    const { data: branches } = await octocat.repos.listBranches({ owner: 'acme', repo: 'widgets' });
    expect(branches.map((branch) => branch.name)).not.toContain('from-fork');

    await expect(
      octocat.repos.compareCommitsWithBasehead({ owner: 'acme', repo: 'widgets', basehead: 'main...bob:from-fork' }),
    ).rejects.toMatchObject({ status: 404 });
    const unrelated = await raw(clone, 'GET', '/repos/acme/widgets/compare/main...octocat:main', {
      token: clone.token,
    });
    expect(unrelated.status).toBe(404);
  });
});

describe('GET /search/commits', () => {
  it('finds default-branch commits by message words and qualifiers, newest first', async () => {
    await octocat.repos.createForAuthenticatedUser({ name: 'searched', auto_init: true });
    await addFile(octocat, 'octocat', 'searched', 'a.txt', 'a\n');
    await octocat.repos.createOrUpdateFileContents({
      owner: 'octocat',
      repo: 'searched',
      path: 'b.txt',
      message: 'Fix the frobnicator overflow',
      content: Buffer.from('b\n').toString('base64'),
      author: { name: 'Alice Smith', email: 'alice@example.com', date: '2020-01-02T03:04:05Z' },
    });
    const { data } = await octocat.search.commits({ q: 'frobnicator repo:octocat/searched' });
    expect(data.total_count).toBe(1);
    expect(data.items[0]).toMatchObject({
      commit: { message: 'Fix the frobnicator overflow', author: { email: 'alice@example.com' } },
      author: { login: 'alice' },
      repository: { full_name: 'octocat/searched' },
    });
    const byAuthor = await octocat.search.commits({ q: 'repo:octocat/searched author:octocat' });
    expect(byAuthor.data.items.map((item) => item.commit.message)).toEqual(['Add a.txt', 'Initial commit']);
    const older = await octocat.search.commits({
      q: 'repo:octocat/searched',
      sort: 'author-date',
      order: 'asc',
    });
    expect(older.data.items[0]!.commit.message).toBe('Fix the frobnicator overflow');
    const dated = await octocat.search.commits({ q: 'repo:octocat/searched author-date:<2021-01-01' });
    expect(dated.data.items.map((item) => item.sha)).toEqual([data.items[0]!.sha]);
    await expect(octocat.search.commits({ q: 'x repo:octocat/no-such-repo' })).rejects.toMatchObject({ status: 422 });
  });
});
