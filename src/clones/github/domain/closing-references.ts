import { fullName } from '../render/repos.js';
import type { PullRecord, RepoRecord, UserRecord } from '../state/model.js';
import { atLeast, userRole } from '../state/permissions.js';
import type { DomainContext } from './context.js';
import { setIssueState } from './issues.js';

/** GitHub's closing keywords, with an optional colon: `Closes #2`, `fixes: acme/widgets#3`. */
const KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved';
const REFERENCE = new RegExp(
  `(?<![\\w-])(?:${KEYWORDS})\\s*:?\\s+(?:#(\\d+)|([A-Za-z0-9-]+)/([A-Za-z0-9_.-]+)#(\\d+)|https?://\\S+?/([A-Za-z0-9-]+)/([A-Za-z0-9_.-]+)/issues/(\\d+))(?![\\w#/])`,
  'gi',
);

export interface IssueReference {
  /** `owner/name`, lowercase. */
  repo: string;
  number: number;
}

/** The issues a text closes with GitHub's keywords (`#N`, `owner/repo#N`, or an issue URL), in order, once each. */
export function closingReferences(text: string, repoFullName: string): IssueReference[] {
  const seen = new Set<string>();
  const references: IssueReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const [, local, owner, name, number, urlOwner, urlName, urlNumber] = match;
    const reference = local
      ? { repo: repoFullName.toLowerCase(), number: Number(local) }
      : owner
        ? { repo: `${owner}/${name}`.toLowerCase(), number: Number(number) }
        : { repo: `${urlOwner}/${urlName}`.toLowerCase(), number: Number(urlNumber) };
    const key = `${reference.repo}#${reference.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    references.push(reference);
  }
  return references;
}

/**
 * What GitHub does when a pull request whose body references issues with closing keywords is
 * merged into the default branch: each open issue it may triage is closed as completed, by the
 * merger, with a `closed` event naming the merge commit and the `issues.closed` webhook.
 */
export async function closeReferencedIssues(
  ctx: DomainContext,
  repo: RepoRecord,
  pull: PullRecord,
  body: string | null,
  merge: { sha: string; closer: UserRecord },
): Promise<void> {
  if (!body || pull.baseRef !== repo.defaultBranch) return;
  for (const reference of closingReferences(body, fullName(ctx, repo))) {
    const [owner = '', name = ''] = reference.repo.split('/');
    const target = ctx.store.repoByFullName(owner, name);
    const issue = target ? ctx.store.issueByNumber(target.id, reference.number) : undefined;
    if (!target || !issue || issue.pullId !== null || issue.state !== 'open') continue;
    if (target.id !== repo.id && !atLeast(userRole(ctx.store, merge.closer.id, target), 'triage')) continue;
    await setIssueState(ctx, target, issue, 'closed', 'completed', { commitId: merge.sha, by: merge.closer });
  }
}
