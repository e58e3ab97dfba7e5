import { ApiError, notFound, simpleValidationFailed } from '../state/errors.js';
import type { PullRecord, RepoRecord, ReviewCommentRecord, ReviewRecord } from '../state/model.js';
import { emitReviewCommentEvent, emitReviewEvent } from '../webhooks/repo-events.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { canTriage } from './issues.js';

/** Whether `review` is visible to the actor: a pending review is its author's alone, as on GitHub. */
export function reviewVisible(ctx: DomainContext, review: ReviewRecord | undefined): review is ReviewRecord {
  return review !== undefined && (review.state !== 'PENDING' || review.userId === actingUser(ctx.actor)?.id);
}

/** A review comment of `repo` by id (404 when it is not there or belongs to someone else's pending review). */
export function findReviewComment(ctx: DomainContext, repo: RepoRecord, id: number): ReviewCommentRecord {
  const comment = ctx.store.get('reviewComment', id);
  if (!comment || comment.repoId !== repo.id) throw notFound();
  if (comment.reviewId !== null && !reviewVisible(ctx, ctx.store.get('review', comment.reviewId))) throw notFound();
  return comment;
}

/** Authors edit their own comments and reviews; others need triage rights on pull requests (maintainers). */
function requireOwnOrTriage(ctx: DomainContext, repo: RepoRecord, authorId: number) {
  if (actingUser(ctx.actor)?.id === authorId || canTriage(ctx, repo, true)) return;
  throw new ApiError(
    403,
    ctx.actor.kind === 'installation'
      ? 'Resource not accessible by integration'
      : 'You do not have permission to modify this comment.',
  );
}

function touchPull(ctx: DomainContext, pull: PullRecord) {
  const issue = ctx.store.get('issue', pull.issueId)!;
  ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
}

export async function updateReviewComment(ctx: DomainContext, repo: RepoRecord, id: number, body: string) {
  const comment = findReviewComment(ctx, repo, id);
  requireOwnOrTriage(ctx, repo, comment.userId);
  if (comment.body !== body) {
    const from = comment.body;
    ctx.store.update(ctx.journal, 'reviewComment', comment, { body, updatedAt: ctx.now });
    await emitReviewCommentEvent(ctx, repo, comment, 'edited', { body: { from } });
  }
  return comment;
}

/** Deletes a review comment with its reactions; replies to it stay, as on GitHub. */
export async function deleteReviewComment(ctx: DomainContext, repo: RepoRecord, id: number) {
  const comment = findReviewComment(ctx, repo, id);
  requireOwnOrTriage(ctx, repo, comment.userId);
  for (const reaction of ctx.store.where('reaction', `review-comment:${comment.id}`))
    ctx.store.remove(ctx.journal, 'reaction', reaction);
  // The payload shows the comment as it was, so it is rendered before the record goes.
  await emitReviewCommentEvent(ctx, repo, comment, 'deleted');
  ctx.store.remove(ctx.journal, 'reviewComment', comment);
  touchPull(ctx, ctx.store.get('pull', comment.pullId)!);
}

/** Changes a review's summary (its body); only its author may, as on GitHub. */
export async function updateReview(ctx: DomainContext, repo: RepoRecord, review: ReviewRecord, body: string) {
  if (review.userId !== actingUser(ctx.actor)?.id)
    throw new ApiError(403, 'You do not have permission to update this review.');
  if (review.body !== body) {
    const from = review.body;
    ctx.store.update(ctx.journal, 'review', review, { body });
    if (review.state !== 'PENDING') await emitReviewEvent(ctx, repo, review, 'edited', { body: { from } });
  }
  return review;
}

/** Deletes a review that was never submitted, with its comments (200 with the review as it was). */
export function deletePendingReview(ctx: DomainContext, review: ReviewRecord) {
  if (review.state !== 'PENDING') throw simpleValidationFailed('Can not delete a non-pending pull request review');
  for (const comment of ctx.store.where('reviewComment', `review:${review.id}`))
    ctx.store.remove(ctx.journal, 'reviewComment', comment);
  ctx.store.remove(ctx.journal, 'review', review);
}

/**
 * Dismisses an approval or a change request (writers only): its state becomes `DISMISSED`, so it
 * no longer counts towards required approvals, and `pull_request_review.dismissed` goes out.
 */
export async function dismissReview(ctx: DomainContext, repo: RepoRecord, pull: PullRecord, review: ReviewRecord) {
  if (review.state === 'PENDING') throw simpleValidationFailed('Can not dismiss a pending pull request review');
  if (review.state === 'COMMENTED') throw simpleValidationFailed('Can not dismiss a commented pull request review');
  if (review.state === 'DISMISSED') return review;
  ctx.store.update(ctx.journal, 'review', review, { state: 'DISMISSED' });
  touchPull(ctx, pull);
  await emitReviewEvent(ctx, repo, review, 'dismissed');
  return review;
}
