import * as z from 'zod';
import { created, json, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { requireEditable } from '../domain/issues.js';
import { createPull, mergePull, updatePull, updatePullBranch } from '../domain/pulls.js';
import { pullStats } from '../state/pull-stats.js';
import { diffCommits } from '../git/diff.js';
import { diffFormat, diffReply } from '../http/media.js';
import { commitsBetween } from '../git/history.js';
import { notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderCommit, renderDiffEntry } from '../render/git.js';
import { renderPull } from '../render/pulls.js';
import { fullName } from '../render/repos.js';
import type { IssueRecord, PullRecord, RepoRecord } from '../state/model.js';
import { pullParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const createSchema = z.object({
  title: z.string().optional(),
  body: z.string().nullable().optional(),
  head: z.string().min(1),
  head_repo: z.string().optional(),
  base: z.string().min(1),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
  issue: z.number().int().optional(),
});
const updateBranchSchema = z.object({ expected_head_sha: z.string().optional() });
const updateSchema = z.object({
  title: z.string().min(1).optional(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']).optional(),
  base: z.string().min(1).optional(),
  maintainer_can_modify: z.boolean().optional(),
});
const mergeSchema = z.object({
  commit_title: z.string().optional(),
  commit_message: z.string().optional(),
  sha: z.string().optional(),
  merge_method: z.enum(['merge', 'squash', 'rebase']).optional(),
});

async function full(ctx: RequestContext, repo: RepoRecord, issue: IssueRecord, pull: PullRecord) {
  return renderPull(ctx, repo, issue, pull, await pullStats(ctx.core, repo, pull));
}

async function pullDiff(ctx: RequestContext, repo: RepoRecord, pull: PullRecord, format: 'diff' | 'patch') {
  const stats = await pullStats(ctx.core, repo, pull);
  const from = stats.mergeBaseSha ?? stats.baseSha;
  return diffReply(repo.git, format, from, pull.headSha, [`${from}..${pull.headSha}`]);
}

export const pullRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    operationId: 'pulls/list',
    docs: 'pulls/pulls#list-pull-requests',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const state = ctx.query.get('state') ?? 'open';
      const head = ctx.query.get('head');
      const base = ctx.query.get('base');
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = ctx.query.get('direction') ?? (sort === 'long-running' ? 'asc' : 'desc');
      const headBranch = head?.includes(':') ? head.slice(head.indexOf(':') + 1) : head;
      const rows = ctx.store
        .where('pull', `repo:${repo.id}`)
        .map((pull) => ({ pull, issue: ctx.store.get('issue', pull.issueId)! }))
        .filter(({ issue }) => state === 'all' || issue.state === state)
        .filter(({ pull }) => !headBranch || pull.headRef === headBranch)
        .filter(({ pull }) => !base || pull.baseRef === base);
      const key = ({ issue }: { issue: IssueRecord }) => (sort === 'updated' ? issue.updatedAt : issue.createdAt);
      rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.pull.number - b.pull.number));
      if (direction === 'desc') rows.reverse();
      return okPage(ctx, rows, ({ issue, pull }) => renderPull(ctx, repo, issue, pull));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls',
    operationId: 'pulls/create',
    docs: 'pulls/pulls#create-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const input = parseBody(ctx, createSchema);
      const { issue, pull } = await createPull(ctx, repo, input);
      const body = await full(ctx, repo, issue, pull);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    operationId: 'pulls/get',
    docs: 'pulls/pulls#get-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { issue, pull } = pullParam(ctx, repo);
      const format = diffFormat(ctx);
      if (format) return pullDiff(ctx, repo, pull, format);
      return ok(await full(ctx, repo, issue, pull));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    operationId: 'pulls/update',
    docs: 'pulls/pulls#update-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, updateSchema);
      requireEditable(ctx, repo, issue);
      await updatePull(ctx, repo, issue, pull, input);
      return ok(await full(ctx, repo, issue, pull));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
    operationId: 'pulls/list-files',
    docs: 'pulls/pulls#list-pull-requests-files',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      const stats = await pullStats(ctx.core, repo, pull);
      const files = stats.mergeBaseSha ? await diffCommits(repo.git, stats.mergeBaseSha, pull.headSha) : [];
      return okPage(ctx, files, (file) => renderDiffEntry(ctx, repo, pull.headSha, file));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
    operationId: 'pulls/list-commits',
    docs: 'pulls/pulls#list-commits-on-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      const stats = await pullStats(ctx.core, repo, pull);
      return okPage(ctx, commitsBetween(repo.git, stats.baseSha, pull.headSha).slice(0, 250), ({ sha, commit }) =>
        renderCommit(ctx, repo, sha, commit),
      );
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    operationId: 'pulls/merge',
    docs: 'pulls/pulls#merge-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, mergeSchema);
      const result = await mergePull(ctx, repo, issue, pull, input);
      return ok(result);
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/update-branch',
    operationId: 'pulls/update-branch',
    docs: 'pulls/pulls#update-a-pull-request-branch',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, updateBranchSchema);
      await updatePullBranch(ctx, repo, issue, pull, input.expected_head_sha);
      return json(202, {
        message: 'Updating pull request branch.',
        url: `${ctx.urls.repo(fullName(ctx, repo))}/pulls/${pull.number}`,
      });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    operationId: 'pulls/check-if-merged',
    docs: 'pulls/pulls#check-if-a-pull-request-has-been-merged',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      if (!pull.merged) throw notFound();
      return { kind: 'json', status: 204 };
    },
  },
];
