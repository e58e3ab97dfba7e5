import * as z from 'zod';
import { actingUser } from '../state/actor.js';
import { findComment } from '../domain/comments.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderIssueEvent, renderTimeline } from '../render/events.js';
import { renderReaction } from '../render/issues.js';
import { REACTION_CONTENTS, type ReactionRecord, type ReactionSubject, type RepoRecord } from '../state/model.js';
import { intParam, issueParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const reactionSchema = z.object({ content: z.enum(REACTION_CONTENTS) });

function listReactions(ctx: RequestContext, reactions: ReactionRecord[]) {
  const content = ctx.query.get('content');
  return okPage(
    ctx,
    reactions.filter((r) => !content || r.content === content).sort((a, b) => a.id - b.id),
    (r) => renderReaction(ctx, r),
  );
}

/** A user reacts at most once per content: a repeat returns the existing reaction with 200. */
function react(ctx: RequestContext, repo: RepoRecord, subject: ReactionSubject, existing: ReactionRecord[]) {
  const { content } = parseBody(ctx, reactionSchema);
  const user = actingUser(ctx.actor)!;
  const same = existing.find((r) => r.userId === user.id && r.content === content);
  if (same) return ok(renderReaction(ctx, same));
  const reaction = ctx.store.insert(ctx.journal, 'reaction', {
    id: ctx.store.nextId('reaction'),
    repoId: repo.id,
    subject,
    userId: user.id,
    content,
    createdAt: ctx.now,
  });
  return created(renderReaction(ctx, reaction));
}

function unreact(ctx: RequestContext, reactions: ReactionRecord[]) {
  const id = intParam(ctx, 'reaction_id');
  const reaction = reactions.find((r) => r.id === id);
  if (!reaction) throw notFound();
  const user = actingUser(ctx.actor);
  if (reaction.userId !== user?.id) throw new ApiError(403, 'You can only delete your own reactions.');
  ctx.store.remove(ctx.journal, 'reaction', reaction);
  return noContent();
}

export const eventRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/events',
    operationId: 'issues/list-events-for-repo',
    docs: 'issues/events#list-issue-events-for-a-repository',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const events = ctx.store.where('event', `repo:${repo.id}`).sort((a, b) => b.id - a.id);
      return okPage(ctx, events, (e) => renderIssueEvent(ctx, repo, e, true));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/events/{event_id}',
    operationId: 'issues/get-event',
    docs: 'issues/events#get-an-issue-event',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const event = ctx.store.get('event', intParam(ctx, 'event_id'));
      if (!event || event.repoId !== repo.id) throw notFound();
      return ok(renderIssueEvent(ctx, repo, event, true));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/events',
    operationId: 'issues/list-events',
    docs: 'issues/events#list-issue-events',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const issue = issueParam(ctx, repo);
      return okPage(
        ctx,
        ctx.store.where('event', `issue:${issue.id}`).sort((a, b) => a.id - b.id),
        (e) => renderIssueEvent(ctx, repo, e),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/timeline',
    operationId: 'issues/list-events-for-timeline',
    docs: 'issues/timeline#list-timeline-events-for-an-issue',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const issue = issueParam(ctx, repo);
      return okPage(ctx, renderTimeline(ctx, repo, issue.id));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    operationId: 'reactions/list-for-issue-comment',
    docs: 'reactions/reactions#list-reactions-for-an-issue-comment',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const { comment } = findComment(ctx, repo, intParam(ctx, 'comment_id'));
      return listReactions(ctx, ctx.store.where('reaction', `comment:${comment.id}`));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    operationId: 'reactions/create-for-issue-comment',
    docs: 'reactions/reactions#create-reaction-for-an-issue-comment',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const { comment } = findComment(ctx, repo, intParam(ctx, 'comment_id'));
      return react(
        ctx,
        repo,
        { kind: 'issue_comment', commentId: comment.id },
        ctx.store.where('reaction', `comment:${comment.id}`),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}',
    operationId: 'reactions/delete-for-issue-comment',
    docs: 'reactions/reactions#delete-an-issue-comment-reaction',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const { comment } = findComment(ctx, repo, intParam(ctx, 'comment_id'));
      return unreact(ctx, ctx.store.where('reaction', `comment:${comment.id}`));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions',
    operationId: 'reactions/list-for-issue',
    docs: 'reactions/reactions#list-reactions-for-an-issue',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const issue = issueParam(ctx, repo);
      return listReactions(ctx, ctx.store.where('reaction', `issue:${issue.id}`));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions',
    operationId: 'reactions/create-for-issue',
    docs: 'reactions/reactions#create-reaction-for-an-issue',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const issue = issueParam(ctx, repo);
      return react(ctx, repo, { kind: 'issue', issueId: issue.id }, ctx.store.where('reaction', `issue:${issue.id}`));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}',
    operationId: 'reactions/delete-for-issue',
    docs: 'reactions/reactions#delete-an-issue-reaction',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const issue = issueParam(ctx, repo);
      return unreact(ctx, ctx.store.where('reaction', `issue:${issue.id}`));
    },
  },
];
