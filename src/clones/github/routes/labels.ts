import * as z from 'zod';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { labelOn, resolveLabels, setIssueLabels } from '../domain/issues.js';
import { notFound, validationFailed } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderLabel } from '../render/issues.js';
import { emitLabelEvent } from '../webhooks/repo-events.js';
import type { LabelRecord, RepoRecord } from '../state/model.js';
import { issueParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const color = z.string().regex(/^#?[0-9a-fA-F]{6}$/);
const createSchema = z.object({
  name: z.string().min(1).max(50),
  color: color.optional(),
  description: z.string().max(100).nullable().optional(),
});
const updateSchema = z.object({
  new_name: z.string().min(1).max(50).optional(),
  color: color.optional(),
  description: z.string().max(100).nullable().optional(),
});
const labelsSchema = z.object({ labels: z.array(z.union([z.string(), z.object({ name: z.string() })])) });

function findLabel(ctx: RequestContext, repo: RepoRecord, name: string): LabelRecord {
  const label = ctx.store.where('label', `repo:${repo.id}`).find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!label) throw notFound();
  return label;
}

function ensureUnique(ctx: RequestContext, repo: RepoRecord, name: string, except?: LabelRecord) {
  const clash = ctx.store
    .where('label', `repo:${repo.id}`)
    .some((label) => label !== except && label.name.toLowerCase() === name.toLowerCase());
  if (clash) throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
}

/** Labels routes accept a bare JSON array too (`["bug"]`), as GitHub does. */
function labelsBody(ctx: RequestContext) {
  const body = Array.isArray(ctx.body) ? { labels: ctx.body } : ctx.body;
  return parseBody({ ...ctx, body }, labelsSchema);
}

function issueLabels(ctx: RequestContext, repo: RepoRecord, labelIds: number[]) {
  return labelIds
    .map((id) => ctx.store.get('label', id))
    .filter((label): label is LabelRecord => label !== undefined)
    .map((label) => renderLabel(ctx, repo, label));
}

export const labelRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels',
    operationId: 'issues/list-labels-for-repo',
    docs: 'issues/labels#list-labels-for-a-repository',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return okPage(
        ctx,
        ctx.store.where('label', `repo:${repo.id}`).sort((a, b) => a.id - b.id),
        (label) => renderLabel(ctx, repo, label),
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/labels',
    operationId: 'issues/create-label',
    docs: 'issues/labels#create-a-label',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesAdmin);
      const input = parseBody(ctx, createSchema);
      ensureUnique(ctx, repo, input.name);
      const label = ctx.store.insert(ctx.journal, 'label', {
        id: ctx.store.nextId('label'),
        repoId: repo.id,
        name: input.name,
        color: (input.color ?? 'ededed').replace('#', '').toLowerCase(),
        description: input.description ?? null,
        isDefault: false,
      });
      emitLabelEvent(ctx, repo, label, 'created');
      const body = renderLabel(ctx, repo, label);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels/{name}',
    operationId: 'issues/get-label',
    docs: 'issues/labels#get-a-label',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      return ok(renderLabel(ctx, repo, findLabel(ctx, repo, ctx.params.name!)));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/labels/{name}',
    operationId: 'issues/update-label',
    docs: 'issues/labels#update-a-label',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesAdmin);
      const label = findLabel(ctx, repo, ctx.params.name!);
      const input = parseBody(ctx, updateSchema);
      if (input.new_name !== undefined) ensureUnique(ctx, repo, input.new_name, label);
      const before = { name: label.name, color: label.color, description: label.description };
      ctx.store.update(ctx.journal, 'label', label, {
        ...(input.new_name !== undefined ? { name: input.new_name } : {}),
        ...(input.color !== undefined ? { color: input.color.replace('#', '').toLowerCase() } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      });
      const changes: Record<string, { from: string }> = {};
      for (const field of ['name', 'color', 'description'] as const)
        if (label[field] !== before[field]) changes[field] = { from: before[field] ?? '' };
      if (Object.keys(changes).length > 0) emitLabelEvent(ctx, repo, label, 'edited', changes);
      return ok(renderLabel(ctx, repo, label));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/labels/{name}',
    operationId: 'issues/delete-label',
    docs: 'issues/labels#delete-a-label',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesAdmin);
      const label = findLabel(ctx, repo, ctx.params.name!);
      // Deleting a label removes it from every issue, without labeled/unlabeled events (as on GitHub).
      for (const issue of ctx.store.where('issue', `repo:${repo.id}`))
        if (issue.labelIds.includes(label.id))
          ctx.store.update(ctx.journal, 'issue', issue, { labelIds: issue.labelIds.filter((id) => id !== label.id) });
      ctx.store.remove(ctx.journal, 'label', label);
      emitLabelEvent(ctx, repo, label, 'deleted');
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    operationId: 'issues/list-labels-on-issue',
    docs: 'issues/labels#list-labels-for-an-issue',
    cache: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.issuesRead);
      const issue = issueParam(ctx, repo);
      return okPage(ctx, issueLabels(ctx, repo, issue.labelIds));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    operationId: 'issues/add-labels',
    docs: 'issues/labels#add-labels-to-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      const { labels } = labelsBody(ctx);
      const current = issue.labelIds.map((id) => ctx.store.get('label', id)!).filter(Boolean);
      await setIssueLabels(ctx, repo, issue, [
        ...current,
        ...resolveLabels(ctx, repo, labels).filter((l) => !current.includes(l)),
      ]);
      return ok(issueLabels(ctx, repo, issue.labelIds));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    operationId: 'issues/set-labels',
    docs: 'issues/labels#set-labels-for-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      const { labels } = labelsBody(ctx);
      await setIssueLabels(ctx, repo, issue, resolveLabels(ctx, repo, labels));
      return ok(issueLabels(ctx, repo, issue.labelIds));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    operationId: 'issues/remove-all-labels',
    docs: 'issues/labels#remove-all-labels-from-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      await setIssueLabels(ctx, repo, issue, []);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    operationId: 'issues/remove-label',
    docs: 'issues/labels#remove-a-label-from-an-issue',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.issuesTriage);
      const issue = issueParam(ctx, repo);
      const label = labelOn(ctx, repo, issue, ctx.params.name!);
      const rest = issue.labelIds.filter((id) => id !== label.id).map((id) => ctx.store.get('label', id)!);
      await setIssueLabels(ctx, repo, issue, rest);
      return ok(issueLabels(ctx, repo, issue.labelIds));
    },
  },
];
