import { actingUser } from '../state/actor.js';
import { ApiError } from '../state/errors.js';
import type { IssueRecord, RepoRecord } from '../state/model.js';
import { emitIssueEvent } from '../webhooks/payloads.js';
import type { DomainContext } from './context.js';

/** GitHub pins at most this many issues to a repository. */
export const MAX_PINNED_ISSUES = 3;

/** The issues pinned to a repository, in the order they were pinned. */
export function pinnedIssues(ctx: Pick<DomainContext, 'store'>, repo: RepoRecord): IssueRecord[] {
  return ctx.store
    .where('issue', `repo:${repo.id}`)
    .filter((issue) => issue.pinned !== undefined)
    .sort((a, b) => a.pinned!.at.localeCompare(b.pinned!.at) || a.number - b.number);
}

/**
 * Pins (or unpins) an issue as GraphQL's `pinIssue`/`unpinIssue` do: a no-op when it already is,
 * refused past three pinned issues; `issues.pinned`/`issues.unpinned` webhooks otherwise.
 */
export async function setIssuePinned(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pinned: boolean,
): Promise<void> {
  if ((issue.pinned !== undefined) === pinned) return;
  if (pinned && pinnedIssues(ctx, repo).length >= MAX_PINNED_ISSUES)
    throw new ApiError(422, `You can only pin up to ${MAX_PINNED_ISSUES} issues in a repository.`);
  const user = actingUser(ctx.actor);
  ctx.store.update(ctx.journal, 'issue', issue, {
    pinned: pinned ? { at: ctx.now, byId: user?.id ?? repo.ownerId } : undefined,
  });
  await emitIssueEvent(ctx, repo, issue, pinned ? 'pinned' : 'unpinned');
}
