import { ApiError, notFound } from '../state/errors.js';
import type { CommentRecord, IssueRecord, RepoRecord } from '../state/model.js';
import { emitCommentEvent } from '../webhooks/payloads.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { canTriage } from './issues.js';
import { touch } from './issue-events.js';

export async function createComment(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord, body: string) {
  const user = actingUser(ctx.actor)!;
  if (issue.locked && !canTriage(ctx, repo, issue.pullId !== null))
    throw new ApiError(403, 'Unable to create comment because issue is locked.');
  const comment = ctx.store.insert(ctx.journal, 'comment', {
    id: ctx.store.nextId('comment'),
    repoId: repo.id,
    issueId: issue.id,
    userId: user.id,
    body,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    viaAppId: ctx.actor.kind === 'installation' ? ctx.actor.app.id : null,
  });
  touch(ctx, issue);
  await emitCommentEvent(ctx, repo, issue, comment, 'created');
  return comment;
}

export function findComment(
  ctx: DomainContext,
  repo: RepoRecord,
  id: number,
): { comment: CommentRecord; issue: IssueRecord } {
  const comment = ctx.store.get('comment', id);
  const issue = comment ? ctx.store.get('issue', comment.issueId) : undefined;
  if (!comment || !issue || comment.repoId !== repo.id) throw notFound();
  return { comment, issue };
}

/** Authors edit and delete their own comments; others need triage rights (maintainers). */
function requireOwnOrTriage(ctx: DomainContext, repo: RepoRecord, comment: CommentRecord, issue: IssueRecord) {
  if (actingUser(ctx.actor)?.id === comment.userId || canTriage(ctx, repo, issue.pullId !== null)) return;
  throw new ApiError(
    403,
    ctx.actor.kind === 'installation'
      ? 'Resource not accessible by integration'
      : 'You do not have permission to modify this comment.',
  );
}

export async function updateComment(ctx: DomainContext, repo: RepoRecord, id: number, body: string) {
  const { comment, issue } = findComment(ctx, repo, id);
  requireOwnOrTriage(ctx, repo, comment, issue);
  if (comment.body !== body) {
    const from = comment.body;
    ctx.store.update(ctx.journal, 'comment', comment, { body, updatedAt: ctx.now });
    await emitCommentEvent(ctx, repo, issue, comment, 'edited', { body: { from } });
  }
  return comment;
}

export async function deleteComment(ctx: DomainContext, repo: RepoRecord, id: number) {
  const { comment, issue } = findComment(ctx, repo, id);
  requireOwnOrTriage(ctx, repo, comment, issue);
  for (const reaction of ctx.store.where('reaction', `comment:${comment.id}`))
    ctx.store.remove(ctx.journal, 'reaction', reaction);
  // The payload shows the comment as it was, so it is rendered before the record goes.
  await emitCommentEvent(ctx, repo, issue, comment, 'deleted');
  ctx.store.remove(ctx.journal, 'comment', comment);
}
