import { Octokit } from '@octokit/rest';
import type { GitHubRepository } from './remote.js';

/**
 * A client of a real GitHub REST API (github.com, GitHub Enterprise, or anything that speaks it):
 * an Octokit with the REST methods and pagination, as @octokit/rest, @actions/github and Probot give.
 */
export type GitHubApi = Pick<Octokit, 'rest' | 'paginate'>;

export interface RetryOptions {
  /** How many times a request GitHub answered with a 5xx is sent again (0: never). */
  retries: number;
  /** The wait before the first retry; each later one waits this much longer (as @octokit/plugin-retry). */
  delayMs: number;
}

/**
 * A request option (`request: { beforeRetry }`) for a create that GitHub may have done although it
 * answered 5xx: called before the request is sent again, it looks for what the failed attempt made;
 * what it finds is the answer, and the create is not repeated (which would make a duplicate).
 */
export type BeforeRetry = () => Promise<{ data: unknown } | undefined>;

export function createGitHubApiClient(apiUrl: string, token: string, retry?: RetryOptions): GitHubApi {
  const octokit = new Octokit({ baseUrl: apiUrl, auth: token, userAgent: 'archal', request: { retries: 0 } });
  if (retry && retry.retries > 0)
    octokit.hook.wrap('request', async (request, options) => {
      const beforeRetry = options.request?.beforeRetry as BeforeRetry | undefined;
      for (let attempt = 0; ; attempt++) {
        try {
          return await request(options);
        } catch (error) {
          // Only GitHub's own failures: a 4xx says the request itself is wrong and would fail again.
          const status = (error as { status?: unknown }).status;
          if (attempt >= retry.retries || typeof status !== 'number' || status < 500) throw error;
          await new Promise((resolve) => setTimeout(resolve, retry.delayMs * (attempt + 1)));
          const found = await beforeRetry?.();
          if (found) return { status: 200, url: options.url, headers: {}, data: found.data };
        }
      }
    });
  return octokit;
}

export interface GitHubPullSummary {
  number: number;
  url: string;
  headSha: string;
  draft: boolean;
  state: string;
}

function summary(pull: {
  number: number;
  html_url: string;
  head: { sha: string };
  draft?: boolean;
  state: string;
}): GitHubPullSummary {
  return {
    number: pull.number,
    url: pull.html_url,
    headSha: pull.head.sha,
    draft: pull.draft ?? false,
    state: pull.state,
  };
}

/** The open pull request from `branch` (of the same repository), if any. */
export async function findOpenPull(
  github: GitHubApi,
  remote: GitHubRepository,
  branch: string,
): Promise<GitHubPullSummary | undefined> {
  const { data } = await github.rest.pulls.list({
    owner: remote.owner,
    repo: remote.repo,
    head: `${remote.owner}:${branch}`,
    state: 'open',
    per_page: 10,
  });
  const pull = data.find((candidate) => candidate.head.ref === branch);
  return pull && summary(pull);
}

/** Creates a draft pull request from `branch`, or updates the open one (one PR per branch, never two). */
export async function upsertDraftPull(
  github: GitHubApi,
  remote: GitHubRepository,
  pull: { branch: string; base: string; title: string; body: string },
): Promise<{ action: 'created' | 'updated'; pull: GitHubPullSummary }> {
  const existing = await findOpenPull(github, remote, pull.branch);
  if (existing) {
    const { data } = await github.rest.pulls.update({
      owner: remote.owner,
      repo: remote.repo,
      pull_number: existing.number,
      title: pull.title,
      body: pull.body,
      base: pull.base,
    });
    return { action: 'updated', pull: summary(data) };
  }
  const { data } = await github.rest.pulls.create({
    owner: remote.owner,
    repo: remote.repo,
    head: pull.branch,
    base: pull.base,
    title: pull.title,
    body: pull.body,
    draft: true,
  });
  return { action: 'created', pull: summary(data) };
}

export async function closePull(
  github: GitHubApi,
  remote: GitHubRepository,
  number: number,
  comment: string,
): Promise<void> {
  await github.rest.issues.createComment({
    owner: remote.owner,
    repo: remote.repo,
    issue_number: number,
    body: comment,
  });
  await github.rest.pulls.update({ owner: remote.owner, repo: remote.repo, pull_number: number, state: 'closed' });
}

/** The paths a pull request changes, sorted. */
export async function listPullFiles(github: GitHubApi, remote: GitHubRepository, number: number): Promise<string[]> {
  const files = await github.paginate(github.rest.pulls.listFiles, {
    owner: remote.owner,
    repo: remote.repo,
    pull_number: number,
    per_page: 100,
  });
  return files.map((file) => file.filename).sort();
}

const FAILED_CONCLUSIONS = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure']);

/**
 * Checks a pull request is what was meant to be published: its head is the pushed commit, its files
 * are the fix's files, it is a draft, and no check on it has already failed.
 */
export async function verifyPull(
  github: GitHubApi,
  remote: GitHubRepository,
  number: number,
  expected: { headSha?: string; files?: readonly string[] },
): Promise<{ problems: string[]; pull: GitHubPullSummary; files: string[] }> {
  const target = { owner: remote.owner, repo: remote.repo };
  const { data } = await github.rest.pulls.get({ ...target, pull_number: number });
  const pull = summary(data);
  const files = await listPullFiles(github, remote, number);
  const problems: string[] = [];
  if (expected.headSha && pull.headSha !== expected.headSha)
    problems.push(`its head is ${pull.headSha}, not the pushed commit ${expected.headSha}`);
  if (!pull.draft) problems.push('it is not a draft');
  if (pull.state !== 'open') problems.push(`it is ${pull.state}`);
  if (expected.files) {
    const want = [...expected.files].sort();
    const missing = want.filter((file) => !files.includes(file));
    const extra = files.filter((file) => !want.includes(file));
    if (missing.length > 0 || extra.length > 0)
      problems.push(
        `its files differ from the fix's: ${[...missing.map((file) => `missing ${file}`), ...extra.map((file) => `unexpected ${file}`)].join(', ')}`,
      );
  }
  const checks = await github.rest.checks.listForRef({ ...target, ref: pull.headSha, per_page: 100 }).then(
    ({ data: found }) => found.check_runs,
    () => [],
  );
  for (const check of checks)
    if (check.conclusion && FAILED_CONCLUSIONS.has(check.conclusion))
      problems.push(`check "${check.name}" already ${check.conclusion}`);
  const combined = await github.rest.repos.getCombinedStatusForRef({ ...target, ref: pull.headSha }).then(
    ({ data: found }) => found,
    () => undefined,
  );
  for (const status of combined?.statuses ?? [])
    if (status.state === 'failure' || status.state === 'error')
      problems.push(`status "${status.context}" is ${status.state}`);
  return { problems, pull, files };
}

/** A pull request URL or `#123` in a command's output. */
export function pullNumberIn(output: string, remote: GitHubRepository): number | undefined {
  const url = new RegExp(`/${escape(remote.owner)}/${escape(remote.repo)}/pull/(\\d+)`).exec(output);
  if (url) return Number(url[1]);
  const api = new RegExp(`/repos/${escape(remote.owner)}/${escape(remote.repo)}/pulls/(\\d+)`).exec(output);
  return api ? Number(api[1]) : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
