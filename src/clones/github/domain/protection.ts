import { diffCommits } from '../git/diff.js';
import { isAncestor, mergeBase } from '../git/history.js';
import { ApiError } from '../state/errors.js';
import type { ProtectionRecord, PullRecord, RepoRecord } from '../state/model.js';
import { actorRole, atLeast, userRole } from '../state/permissions.js';
import { protectionOf } from '../state/teams.js';
import { isOwner, ownersOf, readCodeowners } from './codeowners.js';
import type { DomainContext } from './context.js';

/**
 * What classic branch protection refuses, with GitHub's messages: merging without the required
 * approvals, code owner reviews or passing status checks, or from a head that is behind when checks
 * are strict; pushing to a branch that takes changes through pull requests only; force pushes and
 * deletions. Admins bypass it unless `enforce_admins` is on.
 */

function bypasses(ctx: DomainContext, repo: RepoRecord, protection: ProtectionRecord): boolean {
  return !protection.enforceAdmins && atLeast(actorRole(ctx.store, ctx.actor, repo), 'admin');
}

/** The approvals that count: each reviewer's latest decisive review, by someone who can write. */
function approvers(ctx: DomainContext, repo: RepoRecord, pull: PullRecord, protection: ProtectionRecord): number[] {
  const latest = new Map<number, { state: string; commitId: string }>();
  const reviews = ctx.store.where('review', `pull:${pull.id}`).sort((a, b) => a.id - b.id);
  for (const review of reviews)
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED')
      latest.set(review.userId, { state: review.state, commitId: review.commitId });
  const issue = ctx.store.get('issue', pull.issueId);
  return [...latest]
    .filter(([userId, review]) => {
      if (review.state !== 'APPROVED' || userId === issue?.userId) return false;
      if (protection.requiredReviews?.dismissStale && review.commitId !== pull.headSha) return false;
      return atLeast(userRole(ctx.store, userId, repo), 'write');
    })
    .map(([userId]) => userId);
}

function passing(ctx: DomainContext, repo: RepoRecord, sha: string, context: string): boolean {
  const statuses = ctx.store
    .where('status', `sha:${repo.id}:${sha}`)
    .filter((status) => status.context === context)
    .sort((a, b) => b.id - a.id);
  if (statuses[0]?.state === 'success') return true;
  const runs = ctx.store
    .where('checkRun', `sha:${repo.id}:${sha}`)
    .filter((run) => run.name === context)
    .sort((a, b) => b.id - a.id);
  return runs[0] !== undefined && ['success', 'neutral', 'skipped'].includes(runs[0].conclusion ?? '');
}

/** Throws GitHub's 405 when the base branch's protection does not allow this merge yet. */
export async function checkMergeProtection(ctx: DomainContext, repo: RepoRecord, pull: PullRecord): Promise<void> {
  const protection = protectionOf(ctx.store, repo, pull.baseRef);
  if (!protection || bypasses(ctx, repo, protection)) return;
  if (protection.lockBranch) throw new ApiError(405, `Cannot merge into a locked branch: ${pull.baseRef}.`);
  const reviews = protection.requiredReviews;
  if (reviews) {
    const approved = approvers(ctx, repo, pull, protection);
    if (approved.length < reviews.count)
      throw new ApiError(
        405,
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
          if (!approved.some((userId) => isOwner(ctx.store, repo, owners, userId)))
            throw new ApiError(405, `Waiting on code owner review from ${owners.join(', ')}.`);
        }
      }
    }
  }
  const checks = protection.requiredStatusChecks;
  if (checks) {
    for (const context of checks.contexts)
      if (!passing(ctx, repo, pull.headSha, context))
        throw new ApiError(405, `Required status check "${context}" is expected.`);
    const baseTip = repo.git.branch(pull.baseRef);
    if (checks.strict && baseTip && !isAncestor(repo.git, baseTip, pull.headSha))
      throw new ApiError(405, 'Head branch is not up to date with the base branch.');
  }
}

/**
 * Throws when a direct change of `ref` (a push through the API, a ref update or deletion) is not
 * allowed by its branch's protection. Merges of pull requests do not come through here.
 */
export function checkRefProtection(
  ctx: DomainContext,
  repo: RepoRecord,
  ref: string,
  sha: string | null,
  current: string | null | undefined,
): void {
  if (!ref.startsWith('refs/heads/')) return;
  const protection = protectionOf(ctx.store, repo, ref.slice('refs/heads/'.length));
  if (!protection || bypasses(ctx, repo, protection)) return;
  if (sha === null) {
    if (!protection.allowDeletions) throw new ApiError(422, 'Cannot delete this protected branch');
    return;
  }
  if (protection.lockBranch) throw new ApiError(409, `Cannot push to ${ref}: the branch is locked.`);
  if (current && !protection.allowForcePushes && !isAncestor(repo.git, current, sha))
    throw new ApiError(422, 'Cannot force-push to this branch');
  if (protection.requiredReviews)
    throw new ApiError(409, `Protected branch update failed for ${ref}: changes must be made through a pull request.`);
  if (protection.requiredStatusChecks?.contexts.length)
    throw new ApiError(
      409,
      `Protected branch update failed for ${ref}: ${protection.requiredStatusChecks.contexts.length} of ${protection.requiredStatusChecks.contexts.length} required status checks are expected.`,
    );
}
