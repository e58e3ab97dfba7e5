import { diffCommits } from '../git/diff.js';
import { isAncestor, mergeBase } from '../git/history.js';
import { ApiError } from '../state/errors.js';
import type { ProtectionRecord, PullRecord, RepoRecord } from '../state/model.js';
import { atLeast, userRole } from '../state/permissions.js';
import type { Store } from '../state/store.js';
import { protectionOf } from '../state/teams.js';
import { isOwner, ownersOf, readCodeowners } from './codeowners.js';

/*
 * What classic branch protection has against merging a pull request, whoever merges: the
 * evaluation merges (domain/protection.ts, with the admin bypass) and `mergeable_state` share.
 * It needs the state alone (no request context), so the clone's core can hand it to pullStats.
 */

/** The approvals that count: each reviewer's latest decisive review, by someone who can write. */
function approvers(store: Store, repo: RepoRecord, pull: PullRecord, protection: ProtectionRecord): number[] {
  const latest = new Map<number, { state: string; commitId: string }>();
  const reviews = store.where('review', `pull:${pull.id}`).sort((a, b) => a.id - b.id);
  for (const review of reviews)
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED')
      latest.set(review.userId, { state: review.state, commitId: review.commitId });
  const issue = store.get('issue', pull.issueId);
  return [...latest]
    .filter(([userId, review]) => {
      if (review.state !== 'APPROVED' || userId === issue?.userId) return false;
      if (protection.requiredReviews?.dismissStale && review.commitId !== pull.headSha) return false;
      return atLeast(userRole(store, userId, repo), 'write');
    })
    .map(([userId]) => userId);
}

function passing(store: Store, repo: RepoRecord, sha: string, context: string): boolean {
  const statuses = store
    .where('status', `sha:${repo.id}:${sha}`)
    .filter((status) => status.context === context)
    .sort((a, b) => b.id - a.id);
  if (statuses[0]?.state === 'success') return true;
  const runs = store
    .where('checkRun', `sha:${repo.id}:${sha}`)
    .filter((run) => run.name === context)
    .sort((a, b) => b.id - a.id);
  return runs[0] !== undefined && ['success', 'neutral', 'skipped'].includes(runs[0].conclusion ?? '');
}

/**
 * What the base branch's protection has against merging this pull request now, whoever merges
 * (GitHub's 405, with its message; `behind` for a head not up to date when checks are strict), or
 * nothing. `mergeable_state` reports it as `blocked` or `behind`.
 */
export async function mergeProtectionFailure(
  store: Store,
  repo: RepoRecord,
  pull: PullRecord,
): Promise<{ error: ApiError; behind: boolean } | undefined> {
  const protection = protectionOf(store, repo, pull.baseRef);
  if (!protection) return undefined;
  const refuse = (message: string, behind = false) => ({ error: new ApiError(405, message), behind });
  if (protection.lockBranch) return refuse(`Cannot merge into a locked branch: ${pull.baseRef}.`);
  const reviews = protection.requiredReviews;
  if (reviews) {
    const approved = approvers(store, repo, pull, protection);
    if (approved.length < reviews.count)
      return refuse(
        `At least ${reviews.count} approving review${reviews.count === 1 ? ' is' : 's are'} required by reviewers with write access.`,
      );
    if (reviews.requireCodeOwners) {
      const file = readCodeowners(repo.git, pull.baseRef);
      const base = mergeBase(repo.git, pull.baseSha, pull.headSha) ?? pull.baseSha;
      if (file) {
        const changed = await diffCommits(repo.git, base, pull.headSha);
        for (const entry of changed) {
          const owners = ownersOf(file, entry.filename);
          if (owners.length === 0) continue;
          if (!approved.some((userId) => isOwner(store, repo, owners, userId)))
            return refuse(`Waiting on code owner review from ${owners.join(', ')}.`);
        }
      }
    }
  }
  const checks = protection.requiredStatusChecks;
  if (checks) {
    for (const context of checks.contexts)
      if (!passing(store, repo, pull.headSha, context))
        return refuse(`Required status check "${context}" is expected.`);
    const baseTip = repo.git.branch(pull.baseRef);
    if (checks.strict && baseTip && !isAncestor(repo.git, baseTip, pull.headSha))
      return refuse('Head branch is not up to date with the base branch.', true);
  }
  return undefined;
}

/** `mergeable_state`'s view of protection: `blocked`, `behind` (strict checks, head behind), or nothing. */
export async function protectionMergeState(
  store: Store,
  repo: RepoRecord,
  pull: PullRecord,
): Promise<'blocked' | 'behind' | undefined> {
  const failure = await mergeProtectionFailure(store, repo, pull);
  return failure ? (failure.behind ? 'behind' : 'blocked') : undefined;
}
