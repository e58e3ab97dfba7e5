import type { DomainContext, RequestContext } from '../domain/context.js';
import { authorize, type Need } from '../domain/permissions.js';
import { notFound } from '../http/errors.js';
import type { IssueRecord, PullRecord, RepoRecord, UserRecord } from '../state/model.js';

/** Permission needs of the operations, by what they touch (users need a role, apps a permission). */
export const NEED = {
  metadata: { role: 'read', permission: 'metadata', level: 'read' },
  issuesRead: { role: 'read', permission: 'issues', level: 'read' },
  /** Opening issues and commenting: anyone who can read the repository. */
  issuesParticipate: { role: 'read', permission: 'issues', level: 'write' },
  issuesTriage: { role: 'triage', permission: 'issues', level: 'write' },
  issuesAdmin: { role: 'write', permission: 'issues', level: 'write' },
  pullsRead: { role: 'read', permission: 'pull_requests', level: 'read' },
  pullsParticipate: { role: 'read', permission: 'pull_requests', level: 'write' },
  pullsTriage: { role: 'triage', permission: 'pull_requests', level: 'write' },
  contentsRead: { role: 'read', permission: 'contents', level: 'read' },
  contentsWrite: { role: 'write', permission: 'contents', level: 'write' },
  checksRead: { role: 'read', permission: 'checks', level: 'read' },
  checksWrite: { role: 'write', permission: 'checks', level: 'write' },
  statusesRead: { role: 'read', permission: 'statuses', level: 'read' },
  statusesWrite: { role: 'write', permission: 'statuses', level: 'write' },
  admin: { role: 'admin', permission: 'administration', level: 'write' },
} as const satisfies Record<string, Need>;

export function findRepo(ctx: DomainContext, owner: string, name: string): RepoRecord | undefined {
  return ctx.store.repoByFullName(owner, name);
}

/** The `{owner}/{repo}` of the path, if the actor may do `need` there (404 when it cannot see it). */
export function repoParam(ctx: RequestContext, need: Need = NEED.metadata): RepoRecord {
  const repo = findRepo(ctx, ctx.params.owner!, ctx.params.repo!);
  if (!repo) throw notFound();
  authorize(ctx.store, ctx.actor, repo, need);
  return repo;
}

export function intParam(ctx: RequestContext, name: string): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw notFound();
  return Number(raw);
}

export function issueParam(ctx: RequestContext, repo: RepoRecord, name = 'issue_number'): IssueRecord {
  const issue = ctx.store.issueByNumber(repo.id, intParam(ctx, name));
  if (!issue) throw notFound();
  return issue;
}

export function pullParam(ctx: RequestContext, repo: RepoRecord): { issue: IssueRecord; pull: PullRecord } {
  const issue = ctx.store.issueByNumber(repo.id, intParam(ctx, 'pull_number'));
  const pull = issue?.pullId ? ctx.store.get('pull', issue.pullId) : undefined;
  if (!issue || !pull) throw notFound();
  return { issue, pull };
}

export function userParam(ctx: RequestContext, name = 'username'): UserRecord {
  const user = ctx.store.userByLogin(ctx.params[name] ?? '');
  if (!user) throw notFound();
  return user;
}
