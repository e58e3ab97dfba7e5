import { findComment } from '../domain/comments.js';
import { listReactions, react, unreact } from './reactions.js';
import { ok, type RouteSpec } from '../http/route.js';
import { notFound } from '../state/errors.js';
import { okPage } from '../http/pagination.js';
import { renderIssueEvent, renderTimeline } from '../render/events.js';
import { repoActivity } from '../render/activity.js';
import { intParam, issueParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

export const eventRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/events',
    operationId: 'activity/list-repo-events',
    docs: 'activity/events#list-repository-events',
    cache: true,
    handler: (ctx) => okPage(ctx, repoActivity(ctx, repoParam(ctx, NEED.metadata)), (render) => render()),
  },
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
