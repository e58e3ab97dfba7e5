import { isAncestor } from '../git/history.js';
import { personAt } from '../git/format.js';
import { createMergeCommit } from '../git/merge.js';
import { ApiError } from '../state/errors.js';
import { identity } from '../state/identity.js';
import type { RepoRecord } from '../state/model.js';
import type { DomainContext } from './context.js';
import { moveRef, pusherOf, withRepoLock } from './git-write.js';

/**
 * `POST /repos/{owner}/{repo}/merges`: merges `head` (a branch or a commit) into the branch `base`
 * with a real merge commit. The answer is the new commit's sha, or null when `base` already has
 * everything in `head` (GitHub's 204).
 */
export async function mergeIntoBranch(
  ctx: DomainContext,
  repo: RepoRecord,
  input: { base: string; head: string; commit_message?: string },
): Promise<string | null> {
  return withRepoLock(ctx, repo, async () => {
    const baseSha = repo.git.branch(input.base);
    if (!baseSha) throw new ApiError(404, 'Base does not exist');
    const headSha = repo.git.resolveCommit(input.head);
    if (!headSha) throw new ApiError(404, 'Head does not exist');
    if (isAncestor(repo.git, headSha, baseSha)) return null;
    const who = identity(pusherOf(ctx, repo));
    const result = await createMergeCommit(repo.git, {
      base: baseSha,
      head: headSha,
      method: 'merge',
      title: input.commit_message ?? `Merge ${input.head} into ${input.base}`,
      message: '',
      committer: personAt(who.name, who.email, new Date(ctx.now)),
    });
    if (result.kind === 'conflict' || !result.sha) throw new ApiError(409, 'Merge conflict');
    await moveRef(ctx, repo, `refs/heads/${input.base}`, result.sha, baseSha);
    return result.sha;
  });
}
