import * as z from 'zod';
import { created, noContent, ok, type Reply, type RequestContext, type RouteSpec } from '../http/route.js';
import { mergeIntoBranch } from '../domain/branch-merge.js';
import { parseBody } from '../http/input.js';
import { diffCommits } from '../git/diff.js';
import { accepts, diffFormat, diffReply } from '../http/media.js';
import { resolveCompareSide } from '../domain/compare-refs.js';
import { commitsBetween, compareCommits, isAncestor, logCommits, touchesPath } from '../git/history.js';
import { ApiError, notFound } from '../state/errors.js';
import { linkHeader, okPage, pageParams, paginate } from '../http/pagination.js';
import { renderBranch, renderCommit, renderDiffEntry, renderShortBranch, userForEmail } from '../render/git.js';
import { renderPull } from '../render/pulls.js';
import { fullName } from '../render/repos.js';
import { effectiveBase } from '../state/pull-stats.js';
import type { RepoRecord } from '../state/model.js';
import { repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const mergeSchema = z.object({ base: z.string(), head: z.string(), commit_message: z.string().optional() });
import { protectionOf } from '../state/teams.js';
import { resolveRevision } from '../domain/revision.js';

function commitOrFail(repo: RepoRecord, ref: string): string {
  const sha = resolveRevision(repo, ref);
  if (!sha) {
    if (repo.git.branches().size === 0) throw new ApiError(409, 'Git Repository is empty.');
    throw new ApiError(422, `No commit found for SHA: ${ref}`);
  }
  return sha;
}

function listCommits(ctx: RequestContext, repo: RepoRecord) {
  if (repo.git.branches().size === 0) throw new ApiError(409, 'Git Repository is empty.');
  const tip = commitOrFail(repo, ctx.query.get('sha') ?? repo.defaultBranch);
  const path = ctx.query.get('path')?.replace(/^\/+|\/+$/g, '');
  const author = ctx.query.get('author')?.toLowerCase();
  const since = ctx.query.get('since') ? Date.parse(ctx.query.get('since')!) : undefined;
  const until = ctx.query.get('until') ? Date.parse(ctx.query.get('until')!) : undefined;
  const { page, perPage } = pageParams(ctx.query);
  // Every match is counted (only the page is rendered): `Link` must name the true last page.
  const matches = [];
  for (const item of logCommits(repo.git, [tip])) {
    const date = item.commit.committer.seconds * 1000;
    if (since !== undefined && date < since) continue;
    if (until !== undefined && date > until) continue;
    if (path && !touchesPath(repo.git, item.commit, path)) continue;
    if (author) {
      const user = userForEmail(ctx, item.commit.author.email);
      if (user?.login.toLowerCase() !== author && item.commit.author.email.toLowerCase() !== author) continue;
    }
    matches.push(item);
  }
  const items = matches.slice((page - 1) * perPage, page * perPage);
  return ok(
    items.map(({ sha, commit }) => renderCommit(ctx, repo, sha, commit)),
    linkHeader(ctx, page, Math.max(1, Math.ceil(matches.length / perPage))),
  );
}

/**
 * As GitHub lists them: the merged pull request that brought a commit of the default branch in,
 * else every pull request (open or merged) whose commits include it.
 */
function pullsOfCommit(ctx: RequestContext, repo: RepoRecord, sha: string) {
  const defaultTip = repo.git.branch(repo.defaultBranch);
  const onDefault = defaultTip !== undefined && isAncestor(repo.git, sha, defaultTip);
  return ctx.store
    .where('pull', `repo:${repo.id}`)
    .map((pull) => ({ pull, issue: ctx.store.get('issue', pull.issueId)! }))
    .filter(({ pull, issue }) => {
      if (pull.mergeCommitSha === sha) return true;
      if (onDefault && !pull.merged) return false;
      const base = effectiveBase(repo, pull, issue.state === 'open');
      return commitsBetween(repo.git, base, pull.headSha).some((commit) => commit.sha === sha);
    });
}

/**
 * `application/vnd.github.sha`: the commit's SHA alone, with the SHA as its ETag, so that a client
 * holding a SHA learns with a `304` that the ref has not moved (actions/checkout resolves refs so).
 */
function shaReply(ctx: RequestContext, sha: string): Reply {
  const etag = `"${sha}"`;
  const ifNoneMatch = String(ctx.headers['if-none-match'] ?? '');
  if (ifNoneMatch.split(',').some((tag) => [etag, `W/${etag}`, '*'].includes(tag.trim())))
    return { kind: 'json', status: 304, headers: { etag } };
  return {
    kind: 'raw',
    status: 200,
    data: sha,
    contentType: 'application/vnd.github.sha; charset=utf-8',
    headers: { etag },
  };
}

export const commitRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches',
    operationId: 'repos/list-branches',
    docs: 'branches/branches#list-branches',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const only = ctx.query.get('protected');
      const branches = [...repo.git.branches()]
        .filter(([name]) => only === null || (only === 'true') === (protectionOf(ctx.store, repo, name) !== undefined))
        .sort(([a], [b]) => (a < b ? -1 : 1));
      return okPage(ctx, branches, ([name, sha]) => renderShortBranch(ctx, repo, name, sha));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}',
    operationId: 'repos/get-branch',
    docs: 'branches/branches#get-a-branch',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const sha = repo.git.branch(ctx.params.branch!);
      const commit = sha ? repo.git.readCommit(sha) : undefined;
      if (!sha || !commit) throw notFound('Branch not found');
      return ok(renderBranch(ctx, repo, ctx.params.branch!, sha, commit));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits',
    operationId: 'repos/list-commits',
    docs: 'commits/commits#list-commits',
    handler: (ctx) => listCommits(ctx, repoParam(ctx, NEED.contentsRead)),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    operationId: 'repos/list-pull-requests-associated-with-commit',
    docs: 'commits/commits#list-pull-requests-associated-with-a-commit',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const sha = commitOrFail(repo, ctx.params.commit_sha!);
      const rows = pullsOfCommit(ctx, repo, sha).sort((a, b) => b.pull.number - a.pull.number);
      return okPage(ctx, rows, ({ issue, pull }) => renderPull(ctx, repo, issue, pull));
    },
  },
  {
    // Before get-commit, whose `{ref+}` would read `<sha>/branches-where-head` as a ref.
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{commit_sha+}/branches-where-head',
    operationId: 'repos/list-branches-for-head-commit',
    docs: 'commits/commits#list-branches-for-head-commit',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const sha = commitOrFail(repo, ctx.params.commit_sha!);
      const heads = [...repo.git.branches()].filter(([, tip]) => tip === sha).sort(([a], [b]) => (a < b ? -1 : 1));
      return ok(heads.map(([branch]) => renderShortBranch(ctx, repo, branch, sha)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref+}',
    operationId: 'repos/get-commit',
    docs: 'commits/commits#get-a-commit',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const sha = commitOrFail(repo, ctx.params.ref!);
      const commit = repo.git.readCommit(sha)!;
      if (accepts(ctx, 'sha')) return shaReply(ctx, sha);
      const parent = commit.parents[0] ?? repo.git.writeTree([]);
      const format = diffFormat(ctx);
      if (format) return diffReply(repo.git, format, parent, sha, ['-1', sha]);
      const files = await diffCommits(repo.git, parent, sha);
      return ok(renderCommit(ctx, repo, sha, commit, files));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/compare/{base}...{head}',
    operationId: 'repos/compare-commits',
    docs: 'reference/repos#compare-two-commits',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const base = await resolveCompareSide(ctx, repo, ctx.params.base!);
      const head = await resolveCompareSide(ctx, repo, ctx.params.head!);
      if (!base || !head) throw notFound();
      const comparison = compareCommits(repo.git, base, head);
      const name = fullName(ctx, repo);
      const mergeBaseSha = comparison.mergeBase;
      const format = diffFormat(ctx);
      if (format) return diffReply(repo.git, format, mergeBaseSha ?? base, head, [`${mergeBaseSha ?? base}..${head}`]);
      const files = mergeBaseSha ? await diffCommits(repo.git, mergeBaseSha, head) : [];
      const page = paginate(ctx, comparison.ahead, 250);
      const basehead = `${ctx.params.base}...${ctx.params.head}`;
      return ok(
        {
          url: `${ctx.urls.repo(name)}/compare/${basehead}`,
          html_url: `${ctx.urls.repoHtml(name)}/compare/${basehead}`,
          permalink_url: `${ctx.urls.repoHtml(name)}/compare/${base.slice(0, 7)}...${head.slice(0, 7)}`,
          diff_url: `${ctx.urls.repoHtml(name)}/compare/${basehead}.diff`,
          patch_url: `${ctx.urls.repoHtml(name)}/compare/${basehead}.patch`,
          base_commit: renderCommit(ctx, repo, base, repo.git.readCommit(base)!),
          merge_base_commit: mergeBaseSha
            ? renderCommit(ctx, repo, mergeBaseSha, repo.git.readCommit(mergeBaseSha)!)
            : renderCommit(ctx, repo, base, repo.git.readCommit(base)!),
          status: comparison.status,
          ahead_by: comparison.ahead.length,
          behind_by: comparison.behindBy,
          total_commits: comparison.ahead.length,
          commits: page.items.map(({ sha, commit }) => renderCommit(ctx, repo, sha, commit)),
          files: files.map((file) => renderDiffEntry(ctx, repo, head, file)),
        },
        page.headers,
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/merges',
    operationId: 'repos/merge',
    docs: 'branches/branches#merge-a-branch',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const sha = await mergeIntoBranch(ctx, repo, parseBody(ctx, mergeSchema));
      if (sha === null) return noContent();
      const commit = repo.git.readCommit(sha)!;
      const body = renderCommit(ctx, repo, sha, commit, await diffCommits(repo.git, commit.parents[0]!, sha));
      return created(body, { location: body.url });
    },
  },
];
