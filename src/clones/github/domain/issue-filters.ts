import { ApiError } from '../state/errors.js';
import type { IssueRecord, RepoRecord } from '../state/model.js';
import type { Store } from '../state/store.js';

/**
 * The filters of `GET /repos/{owner}/{repo}/issues`: state, labels (all must match), assignee,
 * creator, mentioned, milestone, since; sorted by created/updated/comments.
 */
export function filterIssues(
  store: Store,
  repo: RepoRecord | undefined,
  issues: IssueRecord[],
  query: URLSearchParams,
): IssueRecord[] {
  const state = query.get('state') ?? 'open';
  const labels = (query.get('labels') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const assignee = query.get('assignee');
  const creator = query.get('creator');
  const mentioned = query.get('mentioned');
  const milestone = query.get('milestone');
  const since = query.get('since');
  const sinceTime = since ? Date.parse(since) : undefined;
  if (since && Number.isNaN(sinceTime))
    throw new ApiError(422, 'Validation Failed', {
      errors: [{ resource: 'Issue', field: 'since', code: 'invalid', value: since }],
    });

  const loginId = (login: string) => store.userByLogin(login)?.id ?? -1;
  const labelNames = (issue: IssueRecord) => issue.labelIds.map((id) => store.get('label', id)?.name.toLowerCase());
  let milestoneId: number | null | undefined;
  if (milestone && milestone !== '*' && milestone !== 'none' && repo) {
    milestoneId = store.where('milestone', `repo:${repo.id}`).find((m) => String(m.number) === milestone)?.id ?? -1;
  }

  const result = issues.filter((issue) => {
    if (state !== 'all' && issue.state !== state) return false;
    if (labels.length > 0) {
      const names = labelNames(issue);
      if (!labels.every((label) => names.includes(label))) return false;
    }
    if (assignee === 'none' && issue.assigneeIds.length > 0) return false;
    if (assignee === '*' && issue.assigneeIds.length === 0) return false;
    if (assignee && assignee !== 'none' && assignee !== '*' && !issue.assigneeIds.includes(loginId(assignee)))
      return false;
    if (creator && issue.userId !== loginId(creator)) return false;
    if (mentioned && !`${issue.title}\n${issue.body ?? ''}`.toLowerCase().includes(`@${mentioned.toLowerCase()}`))
      return false;
    if (milestone === 'none' && issue.milestoneId !== null) return false;
    if (milestone === '*' && issue.milestoneId === null) return false;
    if (milestoneId !== undefined && issue.milestoneId !== milestoneId) return false;
    if (sinceTime !== undefined && Date.parse(issue.updatedAt) < sinceTime) return false;
    return true;
  });
  return sortIssues(store, result, query.get('sort') ?? 'created', query.get('direction') ?? 'desc');
}

function sortIssues(store: Store, issues: IssueRecord[], sort: string, direction: string): IssueRecord[] {
  const key = (issue: IssueRecord): number =>
    sort === 'updated'
      ? Date.parse(issue.updatedAt)
      : sort === 'comments'
        ? store.countWhere('comment', `issue:${issue.id}`)
        : Date.parse(issue.createdAt);
  const sign = direction === 'asc' ? 1 : -1;
  return [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
}
