import * as z from 'zod';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { isAssignable, resolveAssignees, setIssueAssignees } from '../domain/issues.js';
import { NEED, userRole } from '../state/permissions.js';
import { notFound, validationFailed } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderIssue, renderLabel, renderMilestone } from '../render/issues.js';
import { simpleUser } from '../render/users.js';
import { actingUser } from '../state/actor.js';
import type { MilestoneRecord, RepoRecord } from '../state/model.js';
import { intParam, issueParam, repoParam } from './lookup.js';

const createSchema = z.object({
  title: z.string().min(1),
  state: z.enum(['open', 'closed']).optional(),
  description: z.string().nullable().optional(),
  due_on: z.string().nullable().optional(),
});
const updateSchema = createSchema.partial();
const assigneesSchema = z.object({ assignees: z.array(z.string()).optional() });

function findMilestone(ctx: RequestContext, repo: RepoRecord): MilestoneRecord {
  const number = intParam(ctx, 'milestone_number');
  const milestone = ctx.store.where('milestone', `repo:${repo.id}`).find((m) => m.number === number);
  if (!milestone) throw notFound();
  return milestone;
}

function dueOn(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw validationFailed([{ resource: 'Milestone', code: 'invalid', field: 'due_on' }]);
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const milestoneRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/milestones',
    operationId: 'issues/list-milestones',
    docs: 'issues/milestones#list-milestones',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const state = ctx.query.get('state') ?? 'open';
      const sort = ctx.query.get('sort') ?? 'due_on';
      const direction = ctx.query.get('direction') ?? 'asc';
      const list = ctx.store
        .where('milestone', `repo:${repo.id}`)
        .filter((m) => state === 'all' || m.state === state)
        .sort((a, b) => {
          if (sort === 'completeness') return a.number - b.number;
          const x = a.dueOn ?? '9999';
          const y = b.dueOn ?? '9999';
          return x < y ? -1 : x > y ? 1 : a.number - b.number;
        });
      if (direction === 'desc') list.reverse();
      return okPage(ctx, list, (m) => renderMilestone(ctx, repo, m));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/milestones',
    operationId: 'issues/create-milestone',
    docs: 'issues/milestones#create-a-milestone',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesAdmin);
      const input = parseBody(ctx, createSchema);
      const existing = ctx.store.where('milestone', `repo:${repo.id}`);
      if (existing.some((m) => m.title === input.title))
        throw validationFailed([{ resource: 'Milestone', code: 'already_exists', field: 'title' }]);
      const closed = input.state === 'closed';
      const milestone = ctx.store.insert(ctx.journal, 'milestone', {
        id: ctx.store.nextId('milestone'),
        repoId: repo.id,
        number: Math.max(0, ...existing.map((m) => m.number)) + 1,
        title: input.title,
        description: input.description ?? null,
        state: closed ? 'closed' : 'open',
        dueOn: dueOn(input.due_on) ?? null,
        creatorId: actingUser(ctx.actor)!.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        closedAt: closed ? ctx.now : null,
      });
      const body = renderMilestone(ctx, repo, milestone);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/milestones/{milestone_number}',
    operationId: 'issues/get-milestone',
    docs: 'issues/milestones#get-a-milestone',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return ok(renderMilestone(ctx, repo, findMilestone(ctx, repo)));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/milestones/{milestone_number}',
    operationId: 'issues/update-milestone',
    docs: 'issues/milestones#update-a-milestone',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesAdmin);
      const milestone = findMilestone(ctx, repo);
      const input = parseBody(ctx, updateSchema);
      const due = dueOn(input.due_on);
      ctx.store.update(ctx.journal, 'milestone', milestone, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(due !== undefined ? { dueOn: due } : {}),
        ...(input.state !== undefined
          ? { state: input.state, closedAt: input.state === 'closed' ? (milestone.closedAt ?? ctx.now) : null }
          : {}),
        updatedAt: ctx.now,
      });
      return ok(renderMilestone(ctx, repo, milestone));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/milestones/{milestone_number}',
    operationId: 'issues/delete-milestone',
    docs: 'issues/milestones#delete-a-milestone',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesAdmin);
      const milestone = findMilestone(ctx, repo);
      for (const issue of ctx.store.where('issue', `repo:${repo.id}`))
        if (issue.milestoneId === milestone.id) ctx.store.update(ctx.journal, 'issue', issue, { milestoneId: null });
      ctx.store.remove(ctx.journal, 'milestone', milestone);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/milestones/{milestone_number}/labels',
    operationId: 'issues/list-labels-for-milestone',
    docs: 'issues/labels#list-labels-for-issues-in-a-milestone',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const milestone = findMilestone(ctx, repo);
      // The labels on the milestone's issues and pull requests, each once, in label order.
      const ids = new Set<number>();
      for (const issue of ctx.store.where('issue', `repo:${repo.id}`))
        if (issue.milestoneId === milestone.id) for (const id of issue.labelIds) ids.add(id);
      const labels = [...ids]
        .map((id) => ctx.store.get('label', id))
        .filter((label) => label !== undefined)
        .sort((a, b) => a.id - b.id);
      return okPage(ctx, labels, (label) => renderLabel(ctx, repo, label));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/assignees',
    operationId: 'issues/list-assignees',
    docs: 'issues/assignees#list-assignees',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const users = [...ctx.store.all('user')].filter((user) => isAssignable(ctx, repo, user));
      return okPage(ctx, users, (user) => simpleUser(ctx, user));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/assignees/{assignee}',
    operationId: 'issues/check-user-can-be-assigned',
    docs: 'issues/assignees#check-if-a-user-can-be-assigned',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const user = ctx.store.userByLogin(ctx.params.assignee!);
      if (!user || !userRole(ctx.store, user.id, repo) || !isAssignable(ctx, repo, user)) throw notFound();
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    operationId: 'issues/add-assignees',
    docs: 'issues/assignees#add-assignees-to-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      const { assignees = [] } = parseBody(ctx, assigneesSchema);
      // Users who cannot be assigned are silently ignored here (unlike on create and update).
      const valid = assignees.filter((login) => {
        const user = ctx.store.userByLogin(login);
        return user !== undefined && isAssignable(ctx, repo, user);
      });
      const current = issue.assigneeIds.map((id) => ctx.store.get('user', id)!);
      const added = resolveAssignees(ctx, repo, valid).filter((user) => !current.includes(user));
      await setIssueAssignees(ctx, repo, issue, [...current, ...added].slice(0, 10));
      return created(renderIssue(ctx, repo, issue));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    operationId: 'issues/remove-assignees',
    docs: 'reference/issues#remove-assignees-from-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      const { assignees = [] } = parseBody(ctx, assigneesSchema);
      const removed = new Set(assignees.map((login) => ctx.store.userByLogin(login)?.id));
      const kept = issue.assigneeIds.filter((id) => !removed.has(id)).map((id) => ctx.store.get('user', id)!);
      await setIssueAssignees(ctx, repo, issue, kept);
      return ok(renderIssue(ctx, repo, issue));
    },
  },
];
