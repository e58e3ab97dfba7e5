import type { IssueRecord, PullRecord, RepoRecord, UserRecord } from '../state/model.js';
import { emitPullEvent } from '../webhooks/payloads.js';
import type { DomainContext } from './context.js';
import { closeReferencedIssues } from './closing-references.js';
import { addIssueEvent } from './issue-events.js';

/**
 * Records that a pull request was merged (as `sha`, on top of `baseSha`) and closes it, with the
 * `merged` and `closed` events and the `pull_request.closed` webhook. `eventActor`: who the events
 * name when that is not the acting user (a push that merged it).
 */
export async function markMerged(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  merge: { by: UserRecord; sha: string; baseSha: string; eventActor?: UserRecord; closedCommitId?: string },
): Promise<void> {
  ctx.store.update(ctx.journal, 'pull', pull, {
    merged: true,
    mergedAt: ctx.now,
    mergedById: merge.by.id,
    mergeCommitSha: merge.sha,
    baseSha: merge.baseSha,
  });
  ctx.store.update(ctx.journal, 'issue', issue, {
    state: 'closed',
    closedAt: ctx.now,
    closedById: merge.by.id,
    updatedAt: ctx.now,
  });
  const actor = merge.eventActor ? { actorId: merge.eventActor.id } : {};
  addIssueEvent(ctx, repo, issue, 'merged', { ...actor, commitId: merge.sha });
  addIssueEvent(ctx, repo, issue, 'closed', {
    ...actor,
    ...(merge.closedCommitId ? { commitId: merge.closedCommitId } : {}),
  });
  await emitPullEvent(ctx, repo, pull, 'closed');
  await closeReferencedIssues(ctx, repo, pull, issue.body, { sha: merge.sha, closer: merge.eventActor ?? merge.by });
}
