import * as z from 'zod';
import { createComment, deleteComment, findComment, updateComment } from '../domain/comments.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { ApiError } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderComment } from '../render/issues.js';
import type { CommentRecord, RepoRecord } from '../state/model.js';
import { intParam, issueParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const bodySchema = z.object({ body: z.string().min(1).max(65536) });

function listComments(ctx: RequestContext, repo: RepoRecord, comments: CommentRecord[]) {
  const since = ctx.query.get('since');
  const sinceTime = since ? Date.parse(since) : undefined;
  if (since && Number.isNaN(sinceTime))
    throw new ApiError(422, 'Validation Failed', {
      errors: [{ resource: 'IssueComment', field: 'since', code: 'invalid' }],
    });
  const direction = ctx.query.get('direction') ?? 'asc';
  const sort = ctx.query.get('sort') ?? 'created';
  const key = (c: CommentRecord) => (sort === 'updated' ? c.updatedAt : c.createdAt);
  const filtered = comments
    .filter((comment) => sinceTime === undefined || Date.parse(comment.updatedAt) >= sinceTime)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
  if (direction === 'desc') filtered.reverse();
  return okPage(ctx, filtered, (comment) => renderComment(ctx, repo, comment));
}

export const commentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments',
    operationId: 'issues/list-comments-for-repo',
    docs: 'issues/comments#list-issue-comments-for-a-repository',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return listComments(ctx, repo, ctx.store.where('comment', `repo:${repo.id}`));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operationId: 'issues/get-comment',
    docs: 'issues/comments#get-an-issue-comment',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return ok(renderComment(ctx, repo, findComment(ctx, repo, intParam(ctx, 'comment_id')).comment));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operationId: 'issues/update-comment',
    docs: 'issues/comments#update-an-issue-comment',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const id = intParam(ctx, 'comment_id');
      const { body } = parseBody(ctx, bodySchema);
      return ok(renderComment(ctx, repo, await updateComment(ctx, repo, id, body)));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operationId: 'issues/delete-comment',
    docs: 'issues/comments#delete-an-issue-comment',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      await deleteComment(ctx, repo, intParam(ctx, 'comment_id'));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    operationId: 'issues/list-comments',
    docs: 'issues/comments#list-issue-comments',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const issue = issueParam(ctx, repo);
      return listComments(ctx, repo, ctx.store.where('comment', `issue:${issue.id}`));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    operationId: 'issues/create-comment',
    docs: 'issues/comments#create-an-issue-comment',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const issue = issueParam(ctx, repo);
      const { body } = parseBody(ctx, bodySchema);
      const rendered = renderComment(ctx, repo, await createComment(ctx, repo, issue, body));
      return created(rendered, { location: rendered.url });
    },
  },
];
