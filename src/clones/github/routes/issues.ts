import * as z from 'zod';
import { actingUser } from '../state/actor.js';
import { filterIssues } from '../domain/issue-filters.js';
import { addIssueEvent } from '../domain/issue-events.js';
import {
  canTriage,
  requireEditable,
  resolveAssignees,
  resolveLabels,
  resolveMilestone,
  editIssueText,
  insertIssue,
  setIssueAssignees,
  setIssueLabels,
  setIssueMilestone,
  setIssueState,
} from '../domain/issues.js';
import { actorRole, NEED } from '../state/permissions.js';
import { ApiError } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderIssue } from '../render/issues.js';
import { renderRepo } from '../render/repos.js';
import type { IssueRecord, RepoRecord } from '../state/model.js';
import { emitIssueEvent } from '../webhooks/payloads.js';
import { issueParam, repoParam } from './lookup.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';

const labelList = z.array(z.union([z.string(), z.object({ name: z.string() })]));
const milestoneValue = z.union([z.number().int(), z.string().regex(/^\d+$/)]).nullable();

const createSchema = z.object({
  title: z.union([z.string().min(1), z.number()]).transform(String),
  body: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  assignees: z.array(z.string()).optional(),
  milestone: milestoneValue.optional(),
  labels: labelList.optional(),
});

const updateSchema = z.object({
  title: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .nullable()
    .optional(),
  body: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  assignees: z.array(z.string()).optional(),
  state: z.enum(['open', 'closed']).optional(),
  state_reason: z.enum(['completed', 'not_planned', 'duplicate', 'reopened']).nullable().optional(),
  milestone: milestoneValue.optional(),
  labels: labelList.optional(),
});

const lockSchema = z.object({ lock_reason: z.enum(['off-topic', 'too heated', 'resolved', 'spam']).optional() });

function issueList(ctx: Parameters<RouteSpec['handler']>[0], repo: RepoRecord | undefined, issues: IssueRecord[]) {
  return okPage(ctx, filterIssues(ctx.store, repo, issues, ctx.query), (issue) =>
    renderIssue(ctx, ctx.store.get('repo', issue.repoId)!, issue),
  );
}

/** The signed-in user's issues across the repositories they can see (`filter`: assigned, created, mentioned, all). */
function issuesOfSignedInUser(ctx: Parameters<RouteSpec['handler']>[0]) {
  const user = actingUser(ctx.actor);
  if (!user || ctx.actor.kind !== 'user') throw new ApiError(403, 'Resource not accessible by integration');
  const filter = ctx.query.get('filter') ?? 'assigned';
  const issues = [...ctx.store.all('issue')].filter((issue) => {
    const repo = ctx.store.get('repo', issue.repoId)!;
    if (!actorRole(ctx.store, ctx.actor, repo)) return false;
    if (filter === 'created') return issue.userId === user.id;
    if (filter === 'all' || filter === 'repos') return true;
    if (filter === 'mentioned') return `${issue.body ?? ''}`.includes(`@${user.login}`);
    return issue.assigneeIds.includes(user.id);
  });
  // Across repositories, each issue names its repository, as GitHub's answer does.
  return okPage(ctx, filterIssues(ctx.store, undefined, issues, ctx.query), (issue) => {
    const repo = ctx.store.get('repo', issue.repoId)!;
    return { ...renderIssue(ctx, repo, issue), repository: renderRepo(ctx, repo) };
  });
}

export const issueRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues',
    operationId: 'issues/list-for-repo',
    docs: 'issues/issues#list-repository-issues',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return issueList(ctx, repo, ctx.store.where('issue', `repo:${repo.id}`));
    },
  },
  {
    method: 'GET',
    path: '/issues',
    operationId: 'issues/list',
    docs: 'issues/issues#list-issues-assigned-to-the-authenticated-user',
    handler: (ctx) => issuesOfSignedInUser(ctx),
  },
  {
    method: 'GET',
    path: '/user/issues',
    operationId: 'issues/list-for-authenticated-user',
    docs: 'issues/issues#list-user-account-issues-assigned-to-the-authenticated-user',
    handler: (ctx) => issuesOfSignedInUser(ctx),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues',
    operationId: 'issues/create',
    docs: 'issues/issues#create-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      if (!repo.hasIssues) throw new ApiError(410, 'Issues are disabled for this repo');
      const input = parseBody(ctx, createSchema);
      const user = actingUser(ctx.actor)!;
      // Without triage rights GitHub silently drops labels, assignees and milestone.
      const triage = canTriage(ctx, repo);
      const logins = [...(input.assignees ?? []), ...(input.assignee ? [input.assignee] : [])];
      const assignees = triage ? resolveAssignees(ctx, repo, logins) : [];
      const milestoneId = triage && input.milestone !== undefined ? resolveMilestone(ctx, repo, input.milestone) : null;
      const issue = insertIssue(ctx, repo, user, { title: input.title, body: input.body });
      await emitIssueEvent(ctx, repo, issue, 'opened');
      if (triage && input.labels) await setIssueLabels(ctx, repo, issue, resolveLabels(ctx, repo, input.labels));
      if (assignees.length > 0) await setIssueAssignees(ctx, repo, issue, assignees);
      if (milestoneId !== null) await setIssueMilestone(ctx, repo, issue, milestoneId);
      const body = renderIssue(ctx, repo, issue);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    operationId: 'issues/get',
    docs: 'issues/issues#get-an-issue',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return ok(renderIssue(ctx, repo, issueParam(ctx, repo), { closedBy: true }));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    operationId: 'issues/update',
    docs: 'issues/issues#update-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesParticipate);
      const issue = issueParam(ctx, repo);
      const input = parseBody(ctx, updateSchema);
      requireEditable(ctx, repo, issue);
      const triage = canTriage(ctx, repo, issue.pullId !== null);
      // Validate everything before changing anything: a 422 must leave the issue untouched.
      const logins =
        input.assignees !== undefined
          ? input.assignees
          : input.assignee !== undefined
            ? input.assignee
              ? [input.assignee]
              : []
            : undefined;
      const assignees = triage && logins !== undefined ? resolveAssignees(ctx, repo, logins) : undefined;
      const milestoneId =
        triage && input.milestone !== undefined ? resolveMilestone(ctx, repo, input.milestone) : undefined;
      if (input.state_reason === 'reopened' && input.state === 'closed')
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'Issue', field: 'state_reason', code: 'invalid' }],
        });

      await editIssueText(ctx, repo, issue, { title: input.title ?? undefined, body: input.body });
      if (triage && input.labels !== undefined)
        await setIssueLabels(ctx, repo, issue, resolveLabels(ctx, repo, input.labels));
      if (assignees !== undefined) await setIssueAssignees(ctx, repo, issue, assignees);
      if (milestoneId !== undefined) await setIssueMilestone(ctx, repo, issue, milestoneId);
      const state = input.state ?? (input.state_reason === 'reopened' ? 'open' : undefined);
      if (state !== undefined) await setIssueState(ctx, repo, issue, state, input.state_reason ?? undefined);
      else if (input.state_reason && issue.state === 'closed')
        await setIssueState(ctx, repo, issue, 'closed', input.state_reason);
      return ok(renderIssue(ctx, repo, issue, { closedBy: true }));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/lock',
    operationId: 'issues/lock',
    docs: 'issues/issues#lock-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      const input = parseBody(ctx, lockSchema);
      if (!issue.locked) {
        ctx.store.update(ctx.journal, 'issue', issue, {
          locked: true,
          activeLockReason: input.lock_reason ?? null,
          updatedAt: ctx.now,
        });
        addIssueEvent(ctx, repo, issue, 'locked', { lockReason: input.lock_reason ?? null });
        await emitIssueEvent(ctx, repo, issue, 'locked');
      }
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/lock',
    operationId: 'issues/unlock',
    docs: 'issues/issues#unlock-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      if (issue.locked) {
        ctx.store.update(ctx.journal, 'issue', issue, { locked: false, activeLockReason: null, updatedAt: ctx.now });
        addIssueEvent(ctx, repo, issue, 'unlocked');
        await emitIssueEvent(ctx, repo, issue, 'unlocked');
      }
      return noContent();
    },
  },
];
