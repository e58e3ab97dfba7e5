import { isAncestor } from '../git/history.js';
import { ApiError } from '../state/errors.js';
import type { ProtectionRecord, PullRecord, RepoRecord } from '../state/model.js';
import { actorRole, atLeast } from '../state/permissions.js';
import { protectionOf } from '../state/teams.js';
import type { DomainContext } from './context.js';
import { mergeProtectionFailure } from './merge-protection.js';

/**
 * What classic branch protection refuses, with GitHub's messages: merging without the required
 * approvals, code owner reviews or passing status checks, or from a head that is behind when checks
 * are strict; pushing to a branch that takes changes through pull requests only; force pushes and
 * deletions. Admins bypass it unless `enforce_admins` is on.
 */

function bypasses(ctx: DomainContext, repo: RepoRecord, protection: ProtectionRecord): boolean {
  return !protection.enforceAdmins && atLeast(actorRole(ctx.store, ctx.actor, repo), 'admin');
}

/** Throws GitHub's 405 when the base branch's protection does not allow this merge yet. */
export async function checkMergeProtection(ctx: DomainContext, repo: RepoRecord, pull: PullRecord): Promise<void> {
  const protection = protectionOf(ctx.store, repo, pull.baseRef);
  if (!protection || bypasses(ctx, repo, protection)) return;
  const failure = await mergeProtectionFailure(ctx.store, repo, pull);
  if (failure) throw failure.error;
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
