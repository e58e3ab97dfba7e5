import * as z from 'zod';
import { created, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { deletePendingReview, dismissReview, reviewVisible, updateReview } from '../domain/review-edits.js';
import { commentOnDiff, createReview, removeReviewers, requestReviewers, submitReview } from '../domain/reviews.js';
import { actingUser } from '../state/actor.js';
import { notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderPull } from '../render/pulls.js';
import { renderReview, renderReviewComment } from '../render/reviews.js';
import { renderTeam } from '../render/teams.js';
import { simpleUserById } from '../render/users.js';
import type { PullRecord, RepoRecord } from '../state/model.js';
import { intParam, pullParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const event = z.enum(['APPROVE', 'REQUEST_CHANGES', 'COMMENT']);
const inline = z.object({
  path: z.string().min(1),
  body: z.string().min(1),
  line: z.number().int().positive().optional(),
  position: z.number().int().positive().optional(),
  side: z.enum(['LEFT', 'RIGHT']).optional(),
  start_line: z.number().int().positive().optional(),
  start_side: z.enum(['LEFT', 'RIGHT']).optional(),
});
const createSchema = z.object({
  commit_id: z.string().optional(),
  body: z.string().optional(),
  event: event.optional(),
  comments: z.array(inline).optional(),
});
const submitSchema = z.object({ body: z.string().optional(), event });
const updateSchema = z.object({ body: z.string() });
const dismissSchema = z.object({ message: z.string(), event: z.literal('DISMISS').optional() });
const reviewersSchema = z.object({
  reviewers: z.array(z.string()).optional(),
  team_reviewers: z.array(z.string()).optional(),
});
const commentSchema = z.union([
  z.object({ body: z.string().min(1), in_reply_to: z.number().int() }),
  inline.extend({ commit_id: z.string().min(1), subject_type: z.enum(['line', 'file']).optional() }),
]);

function findReview(ctx: RequestContext, pull: PullRecord) {
  const review = ctx.store.get('review', intParam(ctx, 'review_id'));
  if (!reviewVisible(ctx, review) || review.pullId !== pull.id) throw notFound();
  return review;
}

function simplePull(ctx: RequestContext, repo: RepoRecord, pull: PullRecord) {
  return renderPull(ctx, repo, ctx.store.get('issue', pull.issueId)!, pull);
}

export const reviewRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    operationId: 'pulls/list-reviews',
    docs: 'pulls/reviews#list-reviews-for-a-pull-request',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      const me = actingUser(ctx.actor)?.id;
      const reviews = ctx.store
        .where('review', `pull:${pull.id}`)
        .filter((review) => review.state !== 'PENDING' || review.userId === me)
        .sort((a, b) => a.id - b.id);
      return okPage(ctx, reviews, (review) => renderReview(ctx, repo, review));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    operationId: 'pulls/create-review',
    docs: 'pulls/reviews#create-a-review-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, createSchema);
      return ok(renderReview(ctx, repo, await createReview(ctx, repo, issue, pull, input)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
    operationId: 'pulls/get-review',
    docs: 'pulls/reviews#get-a-review-for-a-pull-request',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      return ok(renderReview(ctx, repo, findReview(ctx, pull)));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
    operationId: 'pulls/update-review',
    docs: 'pulls/reviews#update-a-review-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { pull } = pullParam(ctx, repo);
      const review = findReview(ctx, pull);
      const { body } = parseBody(ctx, updateSchema);
      return ok(renderReview(ctx, repo, await updateReview(ctx, repo, review, body)));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
    operationId: 'pulls/delete-pending-review',
    docs: 'pulls/reviews#delete-a-pending-review-for-a-pull-request',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { pull } = pullParam(ctx, repo);
      const review = findReview(ctx, pull);
      const rendered = renderReview(ctx, repo, review);
      deletePendingReview(ctx, review);
      return ok(rendered);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments',
    operationId: 'pulls/list-comments-for-review',
    docs: 'pulls/reviews#list-comments-for-a-pull-request-review',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      const review = findReview(ctx, pull);
      const comments = ctx.store.where('reviewComment', `review:${review.id}`).sort((a, b) => a.id - b.id);
      return okPage(ctx, comments, (c) => renderReviewComment(ctx, repo, c));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals',
    operationId: 'pulls/dismiss-review',
    docs: 'pulls/reviews#dismiss-a-review-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsWrite);
      const { pull } = pullParam(ctx, repo);
      const review = findReview(ctx, pull);
      parseBody(ctx, dismissSchema);
      return ok(renderReview(ctx, repo, await dismissReview(ctx, repo, pull, review)));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events',
    operationId: 'pulls/submit-review',
    docs: 'pulls/reviews#submit-a-review-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { issue, pull } = pullParam(ctx, repo);
      const review = findReview(ctx, pull);
      const input = parseBody(ctx, submitSchema);
      await submitReview(ctx, repo, issue, pull, review, input.event, input.body);
      return ok(renderReview(ctx, repo, review));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    operationId: 'pulls/list-requested-reviewers',
    docs: 'pulls/review-requests#get-all-requested-reviewers-for-a-pull-request',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      return ok({
        users: pull.requestedReviewerIds.map((id) => simpleUserById(ctx, id)).filter((u) => u !== null),
        teams: pull.requestedTeamIds
          .map((id) => ctx.store.get('team', id))
          .filter((team) => team !== undefined)
          .map((team) => renderTeam(ctx, team)),
      });
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    operationId: 'pulls/request-reviewers',
    docs: 'reference/pulls#request-reviewers-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsTriage);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, reviewersSchema);
      await requestReviewers(ctx, repo, issue, pull, input.reviewers ?? [], input.team_reviewers ?? []);
      return created(simplePull(ctx, repo, pull));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    operationId: 'pulls/remove-requested-reviewers',
    docs: 'pulls/review-requests#remove-requested-reviewers-from-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsTriage);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, reviewersSchema);
      await removeReviewers(ctx, repo, issue, pull, input.reviewers ?? [], input.team_reviewers ?? []);
      return ok(simplePull(ctx, repo, pull));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
    operationId: 'pulls/list-review-comments',
    docs: 'pulls/comments#list-review-comments-on-a-pull-request',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.pullsRead);
      const { pull } = pullParam(ctx, repo);
      const me = actingUser(ctx.actor)?.id;
      const comments = ctx.store
        .where('reviewComment', `pull:${pull.id}`)
        .filter((c) => {
          const review = ctx.store.get('review', c.reviewId);
          return review?.state !== 'PENDING' || review.userId === me;
        })
        .sort((a, b) => a.id - b.id);
      return okPage(ctx, comments, (c) => renderReviewComment(ctx, repo, c));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
    operationId: 'pulls/create-review-comment',
    docs: 'pulls/comments#create-a-review-comment-for-a-pull-request',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.pullsParticipate);
      const { issue, pull } = pullParam(ctx, repo);
      const input = parseBody(ctx, commentSchema);
      const comment = await commentOnDiff(ctx, repo, issue, pull, input);
      const body = renderReviewComment(ctx, repo, comment);
      return created(body, { location: body.url });
    },
  },
];
