import * as z from 'zod';
import { commentOnDiff } from '../domain/reviews.js';
import { deleteReviewComment, findReviewComment, reviewVisible, updateReviewComment } from '../domain/review-edits.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderReviewComment } from '../render/reviews.js';
import type { ReviewCommentRecord } from '../state/model.js';
import { intParam, pullParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';
import { listReactions, react, unreact } from './reactions.js';

const bodySchema = z.object({ body: z.string().min(1).max(65536) });

/**
 * Review comments addressed by id (`/pulls/comments/{comment_id}`), the repository-wide list, replies
 * and reactions: what review bots call to read, answer, edit and clean up their inline comments.
 * These come before `/pulls/{pull_number}` in the route table.
 */
export const reviewCommentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/comments',
    operationId: 'pulls/list-review-comments-for-repo',
    docs: 'pulls/comments#list-review-comments-in-a-repository',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const since = ctx.query.get('since');
      const sinceTime = since ? Date.parse(since) : undefined;
      if (since && Number.isNaN(sinceTime))
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'PullRequestReviewComment', field: 'since', code: 'invalid' }],
        });
      const key = (c: ReviewCommentRecord) => (ctx.query.get('sort') === 'updated' ? c.updatedAt : c.createdAt);
      const comments = ctx.store
        .where('reviewComment', `repo:${repo.id}`)
        .filter((c) => c.reviewId === null || reviewVisible(ctx, ctx.store.get('review', c.reviewId)))
        .filter((c) => sinceTime === undefined || Date.parse(c.updatedAt) >= sinceTime)
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
      if (ctx.query.get('direction') === 'desc') comments.reverse();
      return okPage(ctx, comments, (c) => renderReviewComment(ctx, repo, c));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
    operationId: 'pulls/get-review-comment',
    docs: 'pulls/comments#get-a-review-comment-for-a-pull-request',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      return ok(renderReviewComment(ctx, repo, findReviewComment(ctx, repo, intParam(ctx, 'comment_id'))));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
    operationId: 'pulls/update-review-comment',
    docs: 'pulls/comments#update-a-review-comment-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const id = intParam(ctx, 'comment_id');
      const { body } = parseBody(ctx, bodySchema);
      return ok(renderReviewComment(ctx, repo, await updateReviewComment(ctx, repo, id, body)));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
    operationId: 'pulls/delete-review-comment',
    docs: 'pulls/comments#delete-a-review-comment-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      await deleteReviewComment(ctx, repo, intParam(ctx, 'comment_id'));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
    operationId: 'pulls/create-reply-for-review-comment',
    docs: 'pulls/comments#create-a-reply-for-a-review-comment',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { issue, pull } = pullParam(ctx, repo);
      const parent = findReviewComment(ctx, repo, intParam(ctx, 'comment_id'));
      if (parent.pullId !== pull.id) throw notFound();
      const { body } = parseBody(ctx, bodySchema);
      const comment = await commentOnDiff(ctx, repo, issue, pull, { body, in_reply_to: parent.id });
      const rendered = renderReviewComment(ctx, repo, comment);
      return created(rendered, { location: rendered.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions',
    operationId: 'reactions/list-for-pull-request-review-comment',
    docs: 'reactions/reactions#list-reactions-for-a-pull-request-review-comment',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const comment = findReviewComment(ctx, repo, intParam(ctx, 'comment_id'));
      return listReactions(ctx, ctx.store.where('reaction', `review-comment:${comment.id}`));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions',
    operationId: 'reactions/create-for-pull-request-review-comment',
    docs: 'reactions/reactions#create-reaction-for-a-pull-request-review-comment',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const comment = findReviewComment(ctx, repo, intParam(ctx, 'comment_id'));
      return react(
        ctx,
        repo,
        { kind: 'pull_request_review_comment', commentId: comment.id },
        ctx.store.where('reaction', `review-comment:${comment.id}`),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}',
    operationId: 'reactions/delete-for-pull-request-comment',
    docs: 'reactions/reactions#delete-a-pull-request-comment-reaction',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const comment = findReviewComment(ctx, repo, intParam(ctx, 'comment_id'));
      return unreact(ctx, ctx.store.where('reaction', `review-comment:${comment.id}`));
    },
  },
];
