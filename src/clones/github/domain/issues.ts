import { ApiError, notFound, validationFailed, type ValidationItem } from '../state/errors.js';
import type { IssueRecord, LabelRecord, RepoRecord, StateReason, UserRecord } from '../state/model.js';
import { emitIssueEvent } from '../webhooks/payloads.js';
import { actingUser, type Actor } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { addIssueEvent, touch } from './issue-events.js';
import { actorRole, atLeast, userRole } from '../state/permissions.js';

/** A new open issue (or the issue half of a pull request), numbered next in its repository. */
export function insertIssue(
  ctx: DomainContext,
  repo: RepoRecord,
  user: UserRecord,
  fields: { title: string; body?: string | null },
): IssueRecord {
  const number = repo.nextNumber;
  ctx.store.update(ctx.journal, 'repo', repo, { nextNumber: number + 1 });
  return ctx.store.insert(ctx.journal, 'issue', {
    id: ctx.store.nextId('issue'),
    repoId: repo.id,
    number,
    title: fields.title,
    body: fields.body ?? null,
    userId: user.id,
    state: 'open',
    stateReason: null,
    labelIds: [],
    assigneeIds: [],
    milestoneId: null,
    locked: false,
    activeLockReason: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    closedAt: null,
    closedById: null,
    pullId: null,
    viaAppId: ctx.actor.kind === 'installation' ? ctx.actor.app.id : null,
  });
}

/** Users and apps that may set labels, assignees and milestones (GitHub drops them silently for others). */
export function canTriage(ctx: DomainContext, repo: RepoRecord, isPull = false): boolean {
  const actor: Actor = ctx.actor;
  if (actor.kind === 'installation') {
    const level = actor.token.permissions[isPull ? 'pull_requests' : 'issues'];
    return (level === 'write' || level === 'admin') && atLeast(actorRole(ctx.store, actor, repo), 'read');
  }
  return atLeast(actorRole(ctx.store, actor, repo), 'triage');
}

/** Whether the actor may edit this issue's title, body and state: its author, or a triager. */
function canEdit(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord): boolean {
  return actingUser(ctx.actor)?.id === issue.userId || canTriage(ctx, repo, issue.pullId !== null);
}

export function isAssignable(ctx: DomainContext, repo: RepoRecord, user: UserRecord): boolean {
  return user.type !== 'Organization' && atLeast(userRole(ctx.store, user.id, repo), 'triage');
}

export type LabelInput = string | { name: string };

/** Labels by name (case-insensitive); missing ones are created, as GitHub does when labels are applied. */
export function resolveLabels(ctx: DomainContext, repo: RepoRecord, names: readonly LabelInput[]): LabelRecord[] {
  const existing = ctx.store.where('label', `repo:${repo.id}`);
  const result: LabelRecord[] = [];
  for (const input of names) {
    const name = (typeof input === 'string' ? input : input.name).trim();
    if (!name) continue;
    let label = existing.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!label) {
      label = ctx.store.insert(ctx.journal, 'label', {
        id: ctx.store.nextId('label'),
        repoId: repo.id,
        name,
        color: 'ededed',
        description: null,
        isDefault: false,
      });
      existing.push(label);
    }
    if (!result.includes(label)) result.push(label);
  }
  return result;
}

/** Assignees by login; anyone who cannot be assigned makes the request a 422. */
export function resolveAssignees(ctx: DomainContext, repo: RepoRecord, logins: readonly string[]): UserRecord[] {
  const errors: ValidationItem[] = [];
  const users: UserRecord[] = [];
  for (const login of logins) {
    const user = ctx.store.userByLogin(login);
    if (!user || !isAssignable(ctx, repo, user))
      errors.push({ resource: 'Issue', field: 'assignees', code: 'invalid', value: login });
    else if (!users.includes(user)) users.push(user);
  }
  if (errors.length > 0) throw validationFailed(errors);
  return users.slice(0, 10);
}

export function resolveMilestone(ctx: DomainContext, repo: RepoRecord, value: number | string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  const milestone = ctx.store.where('milestone', `repo:${repo.id}`).find((candidate) => candidate.number === number);
  if (!milestone) throw validationFailed([{ resource: 'Issue', field: 'milestone', code: 'invalid', value }]);
  return milestone.id;
}

/** Replaces an issue's labels, recording labeled/unlabeled events and webhooks. */
export async function setIssueLabels(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord, labels: LabelRecord[]) {
  const before = issue.labelIds;
  const after = labels.map((label) => label.id);
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (added.length === 0 && removed.length === 0) return;
  ctx.store.update(ctx.journal, 'issue', issue, { labelIds: after });
  touch(ctx, issue);
  for (const id of removed) {
    const label = ctx.store.get('label', id);
    if (!label) continue;
    addIssueEvent(ctx, repo, issue, 'unlabeled', { label: { name: label.name, color: label.color } });
    await emitIssueEvent(ctx, repo, issue, 'unlabeled', { label });
  }
  for (const id of added) {
    const label = ctx.store.get('label', id)!;
    addIssueEvent(ctx, repo, issue, 'labeled', { label: { name: label.name, color: label.color } });
    await emitIssueEvent(ctx, repo, issue, 'labeled', { label });
  }
}

export async function setIssueAssignees(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord, users: UserRecord[]) {
  const before = issue.assigneeIds;
  const after = users.map((user) => user.id);
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (added.length === 0 && removed.length === 0) return;
  ctx.store.update(ctx.journal, 'issue', issue, { assigneeIds: after });
  touch(ctx, issue);
  const assigner = actingUser(ctx.actor)?.id;
  for (const id of removed) {
    addIssueEvent(ctx, repo, issue, 'unassigned', { assigneeId: id, assignerId: assigner });
    await emitIssueEvent(ctx, repo, issue, 'unassigned', { assignee: ctx.store.get('user', id) });
  }
  for (const id of added) {
    addIssueEvent(ctx, repo, issue, 'assigned', { assigneeId: id, assignerId: assigner });
    await emitIssueEvent(ctx, repo, issue, 'assigned', { assignee: ctx.store.get('user', id) });
  }
}

export async function setIssueMilestone(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  milestoneId: number | null,
) {
  const before = issue.milestoneId;
  if (before === milestoneId) return;
  ctx.store.update(ctx.journal, 'issue', issue, { milestoneId });
  touch(ctx, issue);
  if (before !== null) {
    const old = ctx.store.get('milestone', before);
    if (old) addIssueEvent(ctx, repo, issue, 'demilestoned', { milestone: { title: old.title } });
    await emitIssueEvent(ctx, repo, issue, 'demilestoned', { milestoneId: before });
  }
  if (milestoneId !== null) {
    const milestone = ctx.store.get('milestone', milestoneId)!;
    addIssueEvent(ctx, repo, issue, 'milestoned', { milestone: { title: milestone.title } });
    await emitIssueEvent(ctx, repo, issue, 'milestoned', { milestoneId });
  }
}

/**
 * Closes or reopens; `reason` follows GitHub's rules (`completed` by default, `reopened` on reopen).
 * `cause`: the commit that closed it (a merged pull request's) and who is credited with it.
 */
export async function setIssueState(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  state: 'open' | 'closed',
  reason?: StateReason | null,
  cause: { commitId?: string; by?: UserRecord } = {},
): Promise<void> {
  if (issue.state === state) {
    if (state === 'closed' && reason && reason !== issue.stateReason)
      ctx.store.update(ctx.journal, 'issue', issue, { stateReason: reason });
    return;
  }
  const pull = issue.pullId ? ctx.store.get('pull', issue.pullId) : undefined;
  if (pull?.merged && state === 'open')
    throw validationFailed([
      {
        resource: 'Issue',
        code: 'custom',
        field: 'state',
        message: 'state cannot be changed. The pull request cannot be reopened.',
      },
    ]);
  if (pull && state === 'open' && !repo.git.branch(pull.headRef))
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        field: 'state',
        message: 'state cannot be changed. The head branch was deleted.',
      },
    ]);
  const actor = cause.by ?? actingUser(ctx.actor);
  if (state === 'closed') {
    const stateReason = pull ? null : (reason ?? 'completed');
    ctx.store.update(ctx.journal, 'issue', issue, {
      state,
      stateReason: stateReason === 'reopened' ? 'completed' : stateReason,
      closedAt: ctx.now,
      closedById: actor?.id ?? null,
      updatedAt: ctx.now,
    });
    if (pull) ctx.store.update(ctx.journal, 'pull', pull, { baseSha: repo.git.branch(pull.baseRef) ?? pull.baseSha });
    addIssueEvent(ctx, repo, issue, 'closed', {
      stateReason: issue.stateReason,
      ...(cause.commitId ? { commitId: cause.commitId } : {}),
      ...(cause.by ? { actorId: cause.by.id } : {}),
    });
    await emitIssueEvent(ctx, repo, issue, 'closed', {}, cause.by);
  } else {
    ctx.store.update(ctx.journal, 'issue', issue, {
      state,
      stateReason: pull ? null : 'reopened',
      closedAt: null,
      closedById: null,
      updatedAt: ctx.now,
    });
    addIssueEvent(ctx, repo, issue, 'reopened', { stateReason: issue.stateReason });
    await emitIssueEvent(ctx, repo, issue, 'reopened');
  }
}

export interface IssueFields {
  title?: string;
  body?: string | null;
}

/** Title and body edits: a `renamed` event for titles, one `edited` webhook with the old values. */
export async function editIssueText(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord, fields: IssueFields) {
  const changes: Record<string, { from: unknown }> = {};
  const patch: Partial<IssueRecord> = {};
  if (fields.title !== undefined && fields.title !== issue.title) {
    changes.title = { from: issue.title };
    patch.title = fields.title;
  }
  if (fields.body !== undefined && fields.body !== issue.body) {
    changes.body = { from: issue.body ?? '' };
    patch.body = fields.body;
  }
  if (Object.keys(patch).length === 0) return;
  const oldTitle = issue.title;
  ctx.store.update(ctx.journal, 'issue', issue, { ...patch, updatedAt: ctx.now });
  if (patch.title !== undefined)
    addIssueEvent(ctx, repo, issue, 'renamed', { rename: { from: oldTitle, to: patch.title } });
  await emitIssueEvent(ctx, repo, issue, 'edited', { changes });
}

export function requireEditable(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord): void {
  if (canEdit(ctx, repo, issue)) return;
  if (ctx.actor.kind === 'installation') throw new ApiError(403, 'Resource not accessible by integration');
  throw new ApiError(403, 'You do not have permission to edit this issue.');
}

export function labelOn(ctx: DomainContext, repo: RepoRecord, issue: IssueRecord, name: string): LabelRecord {
  const label = ctx.store
    .where('label', `repo:${repo.id}`)
    .find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!label || !issue.labelIds.includes(label.id)) throw notFound('Label does not exist');
  return label;
}
