import type { DomainContext } from '../domain/context.js';
import type { RequestContext } from '../http/route.js';
import { authorize, NEED, type Need } from '../state/permissions.js';
import { ApiError, notFound } from '../state/errors.js';
import type { IssueRecord, OrgRecord, PullRecord, RepoRecord, UserRecord } from '../state/model.js';

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

/** Whether the actor may do `need` on `repo` (for what a response shows, not whether it is allowed). */
export function may(ctx: RequestContext, repo: RepoRecord, need: Need): boolean {
  try {
    authorize(ctx.store, ctx.actor, repo, need);
    return true;
  } catch {
    return false;
  }
}

export function intParam(ctx: RequestContext, name: string): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw notFound();
  return Number(raw);
}

export function issueParam(ctx: RequestContext, repo: RepoRecord, name = 'issue_number'): IssueRecord {
  const number = intParam(ctx, name);
  const issue = ctx.store.issueByNumber(repo.id, number);
  if (issue) return issue;
  if (ctx.store.countWhere('deletedIssue', `repo:${repo.id}:${number}`) > 0)
    throw new ApiError(410, 'This issue was deleted');
  throw notFound();
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

/** An organization: its account (login, type) and its record (members). */
export interface OrgContext {
  account: UserRecord;
  org: OrgRecord;
}

/** The organization `{org}` of the path (404 when it is a user or nobody). */
export function orgParam(ctx: RequestContext): OrgContext {
  const account = userParam(ctx, 'org');
  const org = account.type === 'Organization' ? ctx.store.get('org', account.id) : undefined;
  if (!org) throw notFound();
  return { account, org };
}
